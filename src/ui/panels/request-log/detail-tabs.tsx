import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { DETAIL_TABS, useLogStore, type DetailTab } from '../../stores/log-store.ts';

const LABELS: Record<DetailTab, string> = {
  headers: 'Headers',
  request: 'Request',
  response: 'Response',
  why: 'Why',
  timing: 'Timing',
};

/**
 * The request's details in tabs, as DevTools shows them. Arrow keys, Home and End move between
 * tabs (automatic activation); the tab chosen stays chosen for the next request.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/tabs/
 */
export function DetailTabs({ panels }: { panels: Record<DetailTab, ReactNode> }) {
  const tab = useLogStore((state) => state.detailTab);
  const setTab = useLogStore((state) => state.setDetailTab);
  const id = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = DETAIL_TABS.indexOf(tab);
    const last = DETAIL_TABS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % DETAIL_TABS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % DETAIL_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const chosen = DETAIL_TABS[next] ?? tab;
    setTab(chosen);
    document.getElementById(`${id}-${chosen}`)?.focus();
  };

  return (
    <>
      <div className="log-tabs" role="tablist" aria-label="Request details" onKeyDown={onKeyDown}>
        {DETAIL_TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${id}-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {LABELS[name]}
          </button>
        ))}
      </div>
      <div
        className="log-tab-panel"
        role="tabpanel"
        id={`${id}-${tab}-panel`}
        aria-labelledby={`${id}-${tab}`}
        tabIndex={0}
      >
        {panels[tab]}
      </div>
    </>
  );
}
