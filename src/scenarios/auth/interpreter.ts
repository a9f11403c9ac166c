import type { ScenarioContext, Transport } from '../scenario.ts';
import { ATTACKS } from './attacks.ts';
import { bearer, request, seededEmail, signIn } from './auth-http.ts';
import type { AuthStep } from './steps.ts';

/** What one step did, for the player's narration and the lab's view. */
export interface AuthStepLine {
  label: string;
  status: number;
  challenge: string | null;
  check: string | undefined;
}

interface Pair {
  access_token: string;
  refresh_token: string;
}

/** The `error` parameter of a Bearer challenge, or "none". */
export function challengeError(challenge: string | null): string {
  return /error="([^"]+)"/.exec(challenge ?? '')?.[1] ?? 'none';
}

/**
 * Runs auth steps for real. `control` carries settings, clock and key changes (the page's own
 * core in the browser), `transport` the requests the scenario shows. Tokens stay inside the
 * interpreter; metrics get statuses, error codes and check names only.
 */
export function authInterpreter(control?: Transport) {
  const pairs = new Map<string, Pair>();
  return async (step: AuthStep, context: ScenarioContext): Promise<AuthStepLine | undefined> => {
    const { transport } = context;
    const admin = control ?? transport;
    switch (step.kind) {
      case 'settings':
        await request(admin, 'PATCH', '/__admin/settings', { auth: step.auth });
        return undefined;
      case 'advance':
        await request(admin, 'POST', '/__admin/clock', { action: 'advance', ms: step.ms });
        return undefined;
      case 'pause':
        await request(admin, 'POST', '/__admin/clock', { action: 'pause' });
        return undefined;
      case 'rotate':
        await request(admin, 'POST', '/__admin/keys/rotate');
        return undefined;
      case 'sign-in': {
        const pair = await signIn(transport, await seededEmail(transport, step.role));
        pairs.set(step.as, pair);
        context.record(`${step.as}.scope`, pair.scope);
        return {
          label: `POST /api/v1/auth/login (${step.role})`,
          status: 200,
          challenge: null,
          check: undefined,
        };
      }
      case 'refresh': {
        const from = pairs.get(step.from);
        const reply = await request(transport, 'POST', '/api/v1/auth/refresh', {
          refresh_token: from?.refresh_token ?? '',
        });
        if (reply.status === 200) pairs.set(step.as, reply.json as Pair);
        const challenge = reply.headers.get('WWW-Authenticate');
        context.record(`${step.as}.status`, reply.status);
        context.record(`${step.as}.error`, challengeError(challenge));
        return {
          label: `POST /api/v1/auth/refresh (${step.from})`,
          status: reply.status,
          challenge,
          check: undefined,
        };
      }
      case 'forge': {
        const attack = ATTACKS.find((candidate) => candidate.id === step.attack);
        const from = pairs.get(step.from);
        if (!attack || !from) throw new Error(`cannot forge ${step.attack}`);
        const jwks = await request(transport, 'GET', '/.well-known/jwks.json');
        const token = await attack.build({
          transport: admin,
          captured: from.access_token,
          capturedRefresh: from.refresh_token,
          jwks: jwks.json,
          origin: transport.origin,
        });
        pairs.set(step.as, { access_token: token, refresh_token: '' });
        return undefined;
      }
      case 'call': {
        const token =
          typeof step.token === 'string'
            ? pairs.get(step.token)?.access_token
            : 'literal' in step.token
              ? step.token.literal
              : undefined;
        const headers = token === undefined ? {} : bearer(token);
        const reply = await request(transport, step.method, step.path, step.body, headers);
        const challenge = reply.headers.get('WWW-Authenticate');
        context.record(`${step.as}.status`, reply.status);
        context.record(`${step.as}.error`, challengeError(challenge));
        const check = reply.json?.check as string | undefined;
        if (check) context.record(`${step.as}.check`, check);
        return { label: `${step.method} ${step.path}`, status: reply.status, challenge, check };
      }
    }
  };
}
