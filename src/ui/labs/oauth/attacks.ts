import type { Transport } from '../../../scenarios/scenario.ts';
import {
  authorizeRequest,
  callApi,
  checkCallback,
  consent,
  exchangeCode,
  makePkce,
  memberEmail,
} from '../../../scenarios/oauth/oauth-client.ts';

/**
 * The attacks, each run for real: every line of the outcome is a request in the log, or the
 * client's own check. `refused` is whether the defence held.
 */
export interface AttackOutcome {
  refused: boolean;
  lines: string[];
}

export interface Attack {
  id: string;
  title: string;
  how: string;
  defence: string;
  run(transport: Transport): Promise<AttackOutcome>;
}

async function codeFor(transport: Transport) {
  const pkce = await makePkce();
  const { callback } = await consent(transport, pkce, { email: await memberEmail(transport) });
  return { ...pkce, code: callback?.searchParams.get('code') ?? '', callback };
}

export const ATTACKS: readonly Attack[] = [
  {
    id: 'stolen-code',
    title: 'A stolen code without the verifier',
    how: 'The thief copied the code from the redirect and sends it with a verifier of their own.',
    defence: 'PKCE: SHA-256 of the thief’s verifier is not the challenge.',
    async run(transport) {
      const { code } = await codeFor(transport);
      const thief = await exchangeCode(transport, code, (await makePkce()).verifier);
      return {
        refused: thief.json?.error === 'invalid_grant',
        lines: [
          `thief: POST /oauth/token → ${thief.status} ${thief.json?.error}`,
          String(thief.json?.error_description),
        ],
      };
    },
  },
  {
    id: 'code-replay',
    title: 'A code replayed',
    how: 'The code is redeemed, then sent again.',
    defence:
      'Single use: the second exchange is invalid_grant, and the tokens of the first are revoked.',
    async run(transport) {
      const { code, verifier } = await codeFor(transport);
      const first = await exchangeCode(transport, code, verifier);
      const again = await exchangeCode(transport, code, verifier);
      const me = await callApi(transport, '/api/v1/me', first.json?.access_token ?? '');
      return {
        refused: again.json?.error === 'invalid_grant' && me.status === 401,
        lines: [
          `first exchange → ${first.status}`,
          `replay → ${again.status} ${again.json?.error}`,
          `GET /api/v1/me with the first token → ${me.status} (revoked)`,
        ],
      };
    },
  },
  {
    id: 'plain-pkce',
    title: 'Plain PKCE',
    how: 'A client sends code_challenge_method=plain: the challenge would be the verifier itself.',
    defence: 'Only S256: the server redirects back with invalid_request.',
    async run(transport) {
      const { challenge, state } = await makePkce();
      const { callback, reply } = await authorizeRequest(transport, {
        challenge,
        state,
        method: 'plain',
      });
      const error = callback?.searchParams.get('error');
      return {
        refused: error === 'invalid_request',
        lines: [
          `GET /oauth/authorize?…code_challenge_method=plain → ${callback ? 303 : reply.status}`,
          `redirect: error=${error} (${callback?.searchParams.get('error_description') ?? ''})`,
        ],
      };
    },
  },
  {
    id: 'redirect-mismatch',
    title: 'A redirect URI that does not match',
    how: 'A forged link asks for the code to go to https://attacker.example/callback.',
    defence: 'Exact matching: 400, and no redirect at all (it would be an open redirector).',
    async run(transport) {
      const { challenge, state } = await makePkce();
      const { callback, reply } = await authorizeRequest(transport, {
        challenge,
        state,
        redirectUri: 'https://attacker.example/callback',
      });
      return {
        refused: reply.status === 400 && callback === undefined,
        lines: [
          `GET /oauth/authorize?redirect_uri=https://attacker.example/… → ${reply.status}`,
          String(reply.json?.detail),
        ],
      };
    },
  },
  {
    id: 'state-mismatch',
    title: 'A state that does not match',
    how: 'The attacker signs in as themselves and gets the victim’s browser to land on their callback (CSRF: the victim would act in the attacker’s account).',
    defence: 'The client compares state with the one it sent, and drops the code without using it.',
    async run(transport) {
      const victim = await makePkce();
      const attacker = await codeFor(transport);
      const checked = attacker.callback
        ? checkCallback(attacker.callback, { state: victim.state, issuer: transport.origin })
        : { ok: false as const, why: 'no callback' };
      return {
        refused: !checked.ok,
        lines: [
          'attacker: POST /oauth/authorize → 303 with the attacker’s own code',
          `client: ${checked.ok ? 'accepted the code!' : `refused, ${checked.why}; no token request sent`}`,
        ],
      };
    },
  },
];
