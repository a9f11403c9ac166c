import { Sandbox, setClockKeeper, type World } from '../../../scenarios/sandbox.ts';
import { coreTransport } from '../../shared/page-transport.ts';

/**
 * The page's one sandbox, shared by every lab: saved through the page's core (the control API
 * and the API, journaled like any request), put back when the experiment ends or its lab closes.
 * The seed, sizes and sequences come from GET /__admin/data
 * (docs/decisions/0009-labs-leave-each-other-alone.md).
 */
const KEY = 'restlab.sandbox';

export const pageSandbox = new Sandbox({
  transport: coreTransport,
  realNow: () => performance.now(),
  keep: {
    save(world: World | undefined) {
      try {
        if (world) sessionStorage.setItem(KEY, JSON.stringify(world));
        else sessionStorage.removeItem(KEY);
      } catch {
        // Storage full or refused: the world is still kept in memory until the lab closes.
      }
    },
    load() {
      const text = sessionStorage.getItem(KEY);
      return text === null ? undefined : (JSON.parse(text) as World);
    },
  },
});

// Reloaded in the middle of an experiment: the user's world comes back first.
void pageSandbox.recover();

// A lab that only moves the clock (the rate-limit lab's fast-forward) saves it first.
setClockKeeper(() => pageSandbox.enter());
