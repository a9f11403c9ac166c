import { createApi } from '../api/create-api.ts';
import { contractSuite, FORBIDDEN_METHODS } from './contract-suite.ts';

const ORIGIN = 'http://restlab.test';
const api = createApi();

contractSuite({
  name: 'the in-process core (api.fetch)',
  fetch(method, path, init = {}) {
    // Request cannot carry TRACE and friends; the core takes the method as an override instead,
    // exactly as the node:http adapter hands it over.
    const forbidden = FORBIDDEN_METHODS.has(method);
    const request = new Request(ORIGIN + path, {
      method: forbidden ? 'GET' : method,
      headers: init.headers,
      body: init.body ?? null,
      duplex: 'half',
    } as RequestInit);
    return api.fetch(request, forbidden ? { method } : undefined);
  },
});
