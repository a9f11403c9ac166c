import { lazy, Suspense, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { LOG_HEIGHT_MIN, useUiStore } from '../stores/ui-store.ts';

const RequestLogPanel = lazy(() => import('../panels/request-log/request-log-panel.tsx'));

/** The request log, docked under every page: resizable by drag or keyboard, and collapsible. */
export function LogDock() {
  const height = useUiStore((state) => state.logHeight);
  const setHeight = useUiStore((state) => state.setLogHeight);
  const collapsed = useUiStore((state) => state.logCollapsed);
  const setCollapsed = useUiStore((state) => state.setLogCollapsed);
  const drag = useRef<{ startY: number; startHeight: number } | undefined>(undefined);
  const maxHeight = () => Math.max(LOG_HEIGHT_MIN, window.innerHeight - 160);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: height };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    setHeight(
      Math.min(maxHeight(), drag.current.startHeight + drag.current.startY - event.clientY),
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 80 : 20;
    if (event.key === 'ArrowUp') setHeight(Math.min(maxHeight(), height + step));
    else if (event.key === 'ArrowDown') setHeight(height - step);
    else return;
    event.preventDefault();
  };

  return (
    <section
      className={collapsed ? 'log-dock collapsed' : 'log-dock'}
      style={collapsed ? undefined : { height }}
      aria-label="Request log"
    >
      {!collapsed && (
        <div
          className="log-resizer"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize the request log"
          aria-valuenow={height}
          aria-valuemin={LOG_HEIGHT_MIN}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => (drag.current = undefined)}
          onKeyDown={onKeyDown}
        />
      )}
      <button
        type="button"
        className="log-collapse"
        aria-expanded={!collapsed}
        onClick={() => setCollapsed(!collapsed)}
      >
        {collapsed ? '▲ Show request log' : '▼ Hide log'}
      </button>
      {!collapsed && (
        <Suspense fallback={<p className="loading">Loading the request log…</p>}>
          <RequestLogPanel />
        </Suspense>
      )}
    </section>
  );
}
