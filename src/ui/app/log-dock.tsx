import { lazy, Suspense } from 'react';
import { useLogStore } from '../stores/log-store.ts';
import { useUiStore } from '../stores/ui-store.ts';
import { LogLayoutControls } from './log-layout-controls.tsx';
import { LogResizer } from './log-resizer.tsx';

const RequestLogPanel = lazy(() => import('../panels/request-log/request-log-panel.tsx'));

/**
 * What the dock really shows: a compact log opens to its tall height while a request's details
 * are open (three rows leave no room to read them) and goes back when they close.
 */
export function useDockLayout(): 'compact' | 'tall' | 'side' | 'collapsed' {
  const layout = useUiStore((state) => state.logLayout);
  const collapsed = useUiStore((state) => state.logCollapsed);
  const reading = useLogStore((state) => state.selected !== undefined);
  if (collapsed) return 'collapsed';
  return layout === 'compact' && reading ? 'tall' : layout;
}

/**
 * The request log, docked under every page (compact or tall) or beside it (side), or hidden.
 * The user's choice is kept with the other display preferences.
 */
export function LogDock() {
  const layout = useDockLayout();
  const height = useUiStore((state) => state.logHeight);
  const setCollapsed = useUiStore((state) => state.setLogCollapsed);

  if (layout === 'collapsed') {
    return (
      <section className="log-dock" data-layout="collapsed" aria-label="Request log">
        <button
          type="button"
          className="log-show"
          aria-expanded={false}
          onClick={() => setCollapsed(false)}
        >
          ▲ Show request log
        </button>
      </section>
    );
  }
  return (
    <section
      className="log-dock"
      data-layout={layout}
      style={layout === 'tall' ? { height } : undefined}
      aria-label="Request log"
    >
      {layout !== 'compact' && <LogResizer axis={layout === 'side' ? 'x' : 'y'} />}
      <Suspense fallback={<p className="loading">Loading the request log…</p>}>
        <RequestLogPanel controls={<LogLayoutControls />} />
      </Suspense>
    </section>
  );
}
