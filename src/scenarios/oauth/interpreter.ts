import type { StepInterpreter } from '../scenario.ts';
import {
  authorizeRequest,
  callApi,
  checkCallback,
  clientCredentials,
  consent,
  exchangeCode,
  makePkce,
  memberEmail,
  refresh,
} from './oauth-client.ts';
import type { OAuthStep } from './scenarios.ts';

/** What the client (and the thief) hold during one run. */
interface Held {
  verifier: string;
  challenge: string;
  state: string;
  code?: string;
  access?: string;
  refreshToken?: string;
  service?: string;
}

/** A fresh interpreter for one run: the client's memory lives in its closure. */
export function oauthInterpreter(): StepInterpreter<OAuthStep> {
  let held: Held | undefined;
  const need = () => {
    if (!held) throw new Error('the flow has not started');
    return held;
  };
  return async (step, { transport, record }) => {
    switch (step.kind) {
      case 'start':
        held = await makePkce();
        return;
      case 'authorize': {
        const { reply } = await authorizeRequest(transport, need());
        record('authorize.status', reply.status);
        return;
      }
      case 'consent': {
        const current = need();
        const { callback } = await consent(transport, current, {
          email: await memberEmail(transport),
        });
        if (!callback) throw new Error('the consent step did not redirect');
        const checked = checkCallback(callback, { state: current.state, issuer: transport.origin });
        if (!checked.ok) throw new Error(checked.why);
        current.code = checked.code;
        return;
      }
      case 'exchange': {
        const current = need();
        const verifier = step.as === 'thief' ? (await makePkce()).verifier : current.verifier;
        const reply = await exchangeCode(transport, current.code ?? '', verifier);
        record(`${step.record}.status`, reply.status);
        if (reply.status === 200) {
          current.access = reply.json.access_token;
          current.refreshToken = reply.json.refresh_token;
          record(`${step.record}.scope`, reply.json.scope);
        } else record(`${step.record}.error`, String(reply.json?.error));
        return;
      }
      case 'refresh': {
        const current = need();
        const reply = await refresh(transport, current.refreshToken ?? '');
        record(`${step.record}.status`, reply.status);
        if (reply.status === 200) {
          current.access = reply.json.access_token;
          current.refreshToken = reply.json.refresh_token;
        }
        return;
      }
      case 'client-credentials': {
        const reply = await clientCredentials(transport, step.scope);
        record(`${step.record}.status`, reply.status);
        record(`${step.record}.scope`, String(reply.json?.scope));
        record(`${step.record}.refresh`, reply.json?.refresh_token !== undefined);
        held ??= { verifier: '', challenge: '', state: '' };
        held.service = reply.json?.access_token;
        return;
      }
      case 'call-api': {
        const token = step.token === 'service' ? held?.service : held?.access;
        const reply = await callApi(transport, step.path, token ?? '');
        record(`${step.record}.status`, reply.status);
        return;
      }
    }
  };
}
