import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startBrowserApi, type BrowserApi } from './adapters/browser/start-browser-api.ts';
import { Landing as App } from './ui/app/landing.tsx';
import './ui/app/landing.css';

declare global {
  interface Window {
    /** For the browser console and the e2e tests. */
    restlab?: BrowserApi;
  }
}

const root = createRoot(document.getElementById('root') as HTMLElement);

if (!('serviceWorker' in navigator)) {
  root.render(<App status={{ kind: 'unsupported' }} />);
} else {
  startBrowserApi().then(
    (started) => {
      window.restlab = started;
      root.render(
        <StrictMode>
          <App status={started.controlled ? { kind: 'running' } : { kind: 'not-controlled' }} />
        </StrictMode>,
      );
    },
    (error: unknown) => root.render(<App status={{ kind: 'failed', message: String(error) }} />),
  );
}
