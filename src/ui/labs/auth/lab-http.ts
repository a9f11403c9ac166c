import type { Transport } from '../../../scenarios/scenario.ts';
import { requestsReady } from '../../shared/engine-gate.ts';

/**
 * The lab's own transport: real requests through the service worker (each in the request log),
 * without the header's session token, since the lab decides exactly which token each request
 * carries (none, a forged one, a member's).
 */
export const labTransport: Transport = {
  get origin() {
    return location.origin;
  },
  async fetch(request) {
    await requestsReady();
    return fetch(request);
  },
};
