import { setupWorker, type SetupWorker } from 'msw/browser';
import { createApi, type Api } from '../../api/create-api.ts';
import { restoreGradually } from '../../api/restore.ts';
import { createHandlers } from '../msw/handlers.ts';
import { BrowserPersistence } from './persistence.ts';

export interface BrowserApi {
  api: Api;
  worker: SetupWorker;
  persistence: BrowserPersistence;
  /** False when the page is not controlled by the service worker (e.g. after a hard reload). */
  controlled: boolean;
}

/**
 * Starts the API in this page: restores saved data, then starts MSW's worker (quietly: the app
 * has its own request log) so that every fetch to /api and /__admin reaches the core.
 * Must finish before the first render and the first request.
 */
export async function startBrowserApi(): Promise<BrowserApi> {
  const persistence = new BrowserPersistence();
  const { saved, clock } = await persistence
    .load()
    .catch(() => ({ saved: undefined, clock: undefined }));
  // The saved seed and settings now, the saved data (perhaps a million rows) rebuilt in slices
  // below, so the page stays responsive while a big seed comes back.
  const api = createApi({
    restore: saved && {
      ...saved,
      meta: { seed: saved.meta.seed, sizes: {}, sequences: {} },
      rows: [],
    },
    clock: clock
      ? {
          // A running clock carries on as if the page had stayed open.
          startEpochMs: clock.paused
            ? clock.epoch_ms
            : clock.epoch_ms + Math.max(0, Date.now() - clock.saved_at),
          paused: clock.paused,
        }
      : undefined,
  });
  if (saved) await restoreGradually(api, saved);
  persistence.attach(api);

  const worker = setupWorker(...createHandlers(api, location.origin));
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  const controlled = navigator.serviceWorker.controller !== null;
  return { api, worker, persistence, controlled };
}
