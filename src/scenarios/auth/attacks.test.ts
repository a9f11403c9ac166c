import { beforeAll, describe, expect, it } from 'vitest';
import { makeApi } from '../../api/test-support.ts';
import type { Api } from '../../api/create-api.ts';
import type { Transport } from '../scenario.ts';
import { seededEmail } from './auth-http.ts';
import {
  asExpected,
  ATTACKS,
  prepareKit,
  reuseRefresh,
  runAttack,
  type AttackKit,
} from './attacks.ts';

/**
 * The forged-token matrix (issue 10): every attack of the gallery against both verifiers, with
 * the verdict and the check each must give.
 */
let api: Api;
let transport: Transport;
let kit: AttackKit;
let member: string;

beforeAll(async () => {
  api = makeApi();
  transport = { origin: 'http://restlab.test', fetch: (request) => api.fetch(request) };
  member = await seededEmail(transport, 'member');
  kit = await prepareKit(transport, member);
});

describe('the forged-token matrix', () => {
  it.each(ATTACKS.map((attack) => [attack.id, attack] as const))(
    '%s: BCP and naive give the expected verdicts',
    async (_id, attack) => {
      const result = await runAttack(kit, attack);
      expect(result.bcp.accepted, 'BCP accepted it').toBe(false);
      expect(result.bcp.status).toBe(401);
      expect(result.bcp.check).toBe(attack.expected.bcp.check);
      expect(result.bcp.challenge).toMatch(
        new RegExp(
          `^Bearer realm="restlab", error="invalid_token", error_description="${attack.expected.bcp.check}: `,
        ),
      );
      expect(asExpected(result.naive, attack.expected.naive), JSON.stringify(result.naive)).toBe(
        true,
      );
    },
  );

  it('the naive verifier lets alg none, key confusion, the embedded jwk and the revoked token through', () => {
    const through = ATTACKS.filter((attack) => attack.expected.naive.accepted).map((a) => a.id);
    expect(through).toEqual(
      expect.arrayContaining(['alg-none', 'key-confusion', 'embedded-jwk', 'revoked']),
    );
  });

  it('a reused refresh token revokes its family, the thief’s new tokens too', async () => {
    api.env.settings.replace({
      ...api.env.settings.current,
      auth: { ...api.env.settings.current.auth, verifier: 'bcp' },
    });
    const fresh = await prepareKit(transport, member);
    const outcome = await reuseRefresh(fresh);
    expect(outcome.thiefRefreshed).toBe(200);
    expect(outcome.reuse).toBe(401);
    expect(outcome.reuseChallenge).toMatch(/error="invalid_token"/);
    expect(outcome.thiefAfter).toBe(401);
    const me = await api.fetch(
      new Request('http://restlab.test/api/v1/me', {
        headers: { Authorization: `Bearer ${outcome.thiefAccess}` },
      }),
    );
    expect(me.status).toBe(401);
    expect((await me.json()).check).toBe('revoked');
  });
});
