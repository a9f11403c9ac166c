import type { Transport } from '../../scenarios/scenario.ts';
import { requestsReady } from './engine-gate.ts';
import { attachSession } from './session.ts';

/** Real requests from the page, through the service worker: each shows in the request log. */
export const pageTransport: Transport = {
  get origin() {
    return location.origin;
  },
  async fetch(request) {
    await requestsReady();
    attachSession(request.headers);
    return fetch(request);
  },
};

/**
 * The page's own core, for control calls only (the virtual clock's steps): the same control API,
 * without the worker round trip. Falls back to the worker when the core is not in this page.
 */
export const coreTransport: Transport = {
  get origin() {
    return location.origin;
  },
  async fetch(request) {
    await requestsReady();
    const api = window.restlab?.api;
    return api ? api.fetch(request) : fetch(request);
  },
};
