import type { Transport } from '../../../scenarios/scenario.ts';
import { requestsReady } from '../../shared/engine-gate.ts';

/** Real requests from the page, through the service worker: each shows in the request log. */
export const pageTransport: Transport = {
  get origin() {
    return location.origin;
  },
  async fetch(request) {
    await requestsReady();
    return fetch(request);
  },
};
