import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { BrowserApi } from './adapters/browser/start-browser-api.ts';
import { App } from './ui/app/app.tsx';
import { connectEngine } from './ui/bridge/connect-engine.ts';
import { holdRequestsUntil } from './ui/shared/engine-gate.ts';
import { useEngineStore } from './ui/stores/engine-store.ts';
import { useLogStore } from './ui/stores/log-store.ts';
import { useUiStore } from './ui/stores/ui-store.ts';
import './ui/app/app.css';

declare global {
  interface Window {
    /** For the browser console and the e2e tests. */
    restlab?: BrowserApi;
  }
}

// The composition root. The shell paints at once while the engine (MSW and the API core, the
// larger half of the code) loads in parallel; every UI request waits at the engine gate until
// the worker controls the page, so none can reach the network by mistake.
useLogStore.getState().resize(useUiStore.getState().logCapacity);
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

if (!('serviceWorker' in navigator)) {
  useEngineStore.setState({ status: { kind: 'unsupported' } });
} else {
  const started = import('./adapters/browser/start-browser-api.ts').then((engine) =>
    engine.startBrowserApi(),
  );
  holdRequestsUntil(started);
  started.then(
    (engine) => {
      window.restlab = engine;
      connectEngine(engine.api.events);
      useEngineStore.setState({
        status: engine.controlled ? { kind: 'running' } : { kind: 'not-controlled' },
        clock: engine.api.env.clock.state(),
        clockReceivedAt: performance.now(),
        seed: engine.api.env.store.meta.seed,
      });
    },
    (error: unknown) =>
      useEngineStore.setState({ status: { kind: 'failed', message: String(error) } }),
  );
}
