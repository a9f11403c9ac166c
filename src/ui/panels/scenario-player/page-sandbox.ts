import { Sandbox, setClockKeeper } from '../../../scenarios/sandbox.ts';
import { coreTransport } from '../../shared/page-transport.ts';

/**
 * The page's one sandbox, shared by every lab: saved through the page's core (the control API
 * and the API, journaled like any request), put back when the experiment ends or its lab closes.
 * The seed and sizes come from the core read-only until the control API answers them
 * (docs/decisions/0009-labs-leave-each-other-alone.md).
 */
export const pageSandbox = new Sandbox({
  transport: coreTransport,
  realNow: () => performance.now(),
  readMeta: () => {
    const meta = window.restlab?.api.env.store.meta;
    if (!meta) throw new Error('the API is not running in this page');
    return meta;
  },
});

// A lab that only moves the clock (the rate-limit lab's fast-forward) saves it first.
setClockKeeper(() => pageSandbox.enter());
