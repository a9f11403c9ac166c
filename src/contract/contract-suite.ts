import { beforeEach, describe, expect } from 'vitest';
import { adminContract } from './admin-contract.ts';
import { type ContractTarget, expectJson, reset } from './contract-target.ts';
import { everywhereContract } from './everywhere-contract.ts';
import { paginationContract } from './pagination-contract.ts';
import { rateLimitContract } from './rate-limit-contract.ts';
import { resourcesContract } from './resources-contract.ts';

export type { ContractRequestInit, ContractTarget } from './contract-target.ts';
export { FORBIDDEN_METHODS } from './contract-target.ts';

/**
 * The wire contract (API.md §1–§5) written once and run against every transport: the
 * in-process core, the node:http server, msw/node. Each test starts from the same seed, default
 * settings and a running clock, set up through the control API itself. Detailed rule-by-rule
 * tests live beside the core; this suite checks that every transport gives the same answers.
 */
export function contractSuite(target: ContractTarget): void {
  describe(`wire contract over ${target.name}`, () => {
    beforeEach(async () => {
      expect((await target.fetch('DELETE', '/__admin/settings')).ok).toBe(true);
      await expectJson(
        await target.fetch('POST', '/__admin/clock', {
          headers: { 'Content-Type': 'application/json' },
          body: '{"action":"resume"}',
        }),
        200,
      );
      await reset(target);
    });

    everywhereContract(target);
    resourcesContract(target);
    paginationContract(target);
    adminContract(target);
    rateLimitContract(target);
  });
}
