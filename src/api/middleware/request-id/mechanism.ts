import type { MechanismFactory } from '../../pipeline.ts';
import { assignRequestId, requireValidRequestId } from './request-id.ts';

/** X-Request-Id on every answer (shared API.md §1), and a 400 for a malformed one. */
export const requestIdMechanism: MechanismFactory = () => ({
  name: 'request-id',
  layers: { 'request-id': assignRequestId, 'request-checks': requireValidRequestId },
  describe: () => ({
    headers: ['X-Request-Id'],
    requestHeaders: ['X-Request-Id'],
    problems: { 400: ['invalid-header'] },
  }),
});
