/**
 * Requests from the UI wait here until the API is running in the page. The shell renders before
 * the service worker has started (the engine's code loads in parallel with the first paint), and
 * a request sent before the worker controls the page would reach the network instead of the API.
 * Outside the app (component tests) nothing holds the gate, so requests go straight out.
 */
let ready: Promise<void> = Promise.resolve();

export function holdRequestsUntil(started: Promise<unknown>): void {
  // A failed start is shown by the engine banner; requests then fail on their own.
  ready = started.then(
    () => undefined,
    () => undefined,
  );
}

export function requestsReady(): Promise<void> {
  return ready;
}
