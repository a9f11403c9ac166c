import { useId, useRef, useState, type ReactNode } from 'react';
import { useLogStore } from '../../stores/log-store.ts';
import { LOG_CAPACITY_MAX, useUiStore } from '../../stores/ui-store.ts';
import { downloadText } from './download.ts';
import { LogFilterControls } from './log-filter-controls.tsx';
import { harFileName, toHar } from './to-har.ts';

const CAPACITIES = [1_000, 5_000, 10_000, 25_000, 50_000, LOG_CAPACITY_MAX];
const formatCount = (n: number) => n.toLocaleString('en-US');

/**
 * One row: filters, pause, clear and the count; the ring buffer's cap and HAR export in its
 * More menu (a popover: Escape or a click outside closes it); then the dock's `children`.
 */
export function LogToolbar({ children }: { children?: ReactNode }) {
  const data = useLogStore((state) => state.data);
  // Subscribed so the count follows every change to `data`.
  useLogStore((state) => state.version);
  const paused = useLogStore((state) => state.paused);
  const heldCount = useLogStore((state) => state.held.length);
  const setPaused = useLogStore((state) => state.setPaused);
  const clear = useLogStore((state) => state.clear);
  const resize = useLogStore((state) => state.resize);
  const capacity = useUiStore((state) => state.logCapacity);
  const setCapacity = useUiStore((state) => state.setLogCapacity);
  const capacityId = useId();
  const menuId = useId();
  const menu = useRef<HTMLDivElement>(null);
  const shown = data.filteredCount;
  const [redactTokens, setRedactTokens] = useState(true);
  const options = CAPACITIES.includes(capacity)
    ? CAPACITIES
    : [...CAPACITIES, capacity].sort((a, b) => a - b);

  const exportHar = () => {
    const entries = data.filteredEntries();
    const har = toHar(entries, location.origin, { redactTokens });
    // Indented while small enough to read; a 100,000-entry log stays compact.
    const text = JSON.stringify(har, null, entries.length <= 5_000 ? 2 : undefined);
    downloadText(harFileName(entries), text, 'application/json');
  };

  return (
    <div className="log-toolbar" role="group" aria-label="Request log controls">
      <LogFilterControls />
      <div className="log-actions">
        {/* The label says the state (no aria-pressed: a toggle keeps one label). "the log" is
            spoken only: the header has a Pause button of its own, for the clock. */}
        <button type="button" onClick={() => setPaused(!paused)}>
          {paused ? 'Resume' : 'Pause'}
          <span className="visually-hidden"> the log</span>
          {paused && ` (${formatCount(heldCount)} held)`}
        </button>
        <button type="button" onClick={clear}>
          Clear<span className="visually-hidden"> the log</span>
        </button>
        <span className="log-count" data-testid="log-count">
          {formatCount(shown)} of {formatCount(data.all.size)} shown
        </span>
        <button
          type="button"
          className="log-more-button"
          popoverTarget={menuId}
          title="Export HAR, and how many requests the log keeps"
        >
          More <span aria-hidden="true">▾</span>
        </button>
      </div>
      <div
        id={menuId}
        ref={menu}
        popover="auto"
        className="log-more"
        role="group"
        aria-label="More log actions"
      >
        <label className="log-capacity" htmlFor={capacityId}>
          <span className="label-text">Keep</span>
          <select
            id={capacityId}
            value={capacity}
            onChange={(event) => {
              setCapacity(Number(event.target.value));
              resize(useUiStore.getState().logCapacity);
            }}
          >
            {options.map((option) => (
              <option key={option} value={option}>
                last {formatCount(option)}
              </option>
            ))}
          </select>
        </label>
        <label className="log-capacity">
          <input
            type="checkbox"
            checked={redactTokens}
            onChange={(event) => setRedactTokens(event.target.checked)}
          />
          <span className="label-text">Mask tokens in the HAR</span>
        </label>
        <button
          type="button"
          onClick={() => {
            exportHar();
            menu.current?.hidePopover?.();
          }}
          disabled={shown === 0}
        >
          Export HAR ({formatCount(shown)} shown)
        </button>
      </div>
      {children}
    </div>
  );
}
