import { useEngineStore } from '../stores/engine-store.ts';

/** Says, on screen, when the API cannot answer in this page, and what to do about it. */
export function EngineBanner() {
  const status = useEngineStore((state) => state.status);
  switch (status.kind) {
    case 'running':
      return (
        <p className="visually-hidden" role="status" data-testid="engine-status">
          API running in this page
        </p>
      );
    case 'starting':
      return (
        <p className="banner" role="status" data-testid="engine-status">
          Starting the API…
        </p>
      );
    case 'not-controlled':
      return (
        <div className="banner warn" role="alert" data-testid="engine-status">
          <strong>This page is not controlled by the service worker.</strong> A hard reload
          (Shift+Reload) bypasses service workers, so API requests would go to the network and fail.
          Reload the page normally to start the API.
        </div>
      );
    case 'unsupported':
      return (
        <div className="banner warn" role="alert" data-testid="engine-status">
          <strong>This browser offers no service workers here.</strong> restlab needs them: open it
          over https or on localhost, outside private browsing.
        </div>
      );
    case 'failed':
      return (
        <div className="banner warn" role="alert" data-testid="engine-status">
          <strong>The API could not start.</strong> {status.message}
        </div>
      );
  }
}
