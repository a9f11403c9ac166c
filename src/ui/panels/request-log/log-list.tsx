import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { JournalEntry } from '../../../api/middleware/journal/journal-entry.ts';
import { useLogStore, type LogData, type LogFilters } from '../../stores/log-store.ts';
import { LogRow } from './log-row.tsx';
import { useRowHeight } from './use-row-height.ts';

/** How far to look for the previous top row after one update (a frame's batch is far smaller). */
const ANCHOR_SEARCH_LIMIT = 20_000;

/** Index of `entry` in the filtered view (0 = newest), looking at `near` first; -1 if gone. */
function indexOf(data: LogData, entry: JournalEntry, near: readonly number[] = []): number {
  for (const index of near) if (data.newest(index) === entry) return index;
  for (let index = 0; index < data.filteredCount; index++) {
    if (data.newest(index) === entry) return index;
  }
  return -1;
}

/**
 * The requests, newest first, as a virtualized listbox: only the rows in view (plus a few) are
 * in the DOM, whatever the log holds. Keyboard: arrows, Page Up/Down, Home/End move; Enter or
 * Space selects; Escape closes the details. While scrolled down, new requests arriving on top
 * do not move the rows being read.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/listbox/
 */
export function LogList() {
  const data = useLogStore((state) => state.data);
  const version = useLogStore((state) => state.version);
  const filters = useLogStore((state) => state.filters);
  const selected = useLogStore((state) => state.selected);
  const select = useLogStore((state) => state.select);
  const scrollRef = useRef<HTMLDivElement>(null);
  const probeRef = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight(probeRef);
  const [active, setActive] = useState<JournalEntry | undefined>(undefined);
  const listId = useId();
  const count = data.filteredCount;

  // eslint-disable-next-line react-hooks/incompatible-library -- this component re-renders on every store version, so nothing stale is memoised
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });

  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  // Keep the rows in view still when new ones arrive above them (unless at the very top).
  const anchor = useRef<{ newest: JournalEntry | undefined; filters: LogFilters }>({
    newest: undefined,
    filters,
  });
  useLayoutEffect(() => {
    const previous = anchor.current;
    const newest = data.newest(0);
    anchor.current = { newest, filters };
    const element = scrollRef.current;
    if (!element || element.scrollTop <= 0 || !previous.newest) return;
    // A new filter or a cleared log is a new list: nothing to hold still.
    if (previous.filters !== filters || newest === previous.newest) return;
    let added = 0;
    while (added < ANCHOR_SEARCH_LIMIT && data.newest(added) !== previous.newest) {
      if (++added >= data.filteredCount) return;
    }
    if (added < ANCHOR_SEARCH_LIMIT) element.scrollTop += added * rowHeight;
  }, [version, data, filters, rowHeight]);

  const items = virtualizer.getVirtualItems();
  const rowId = (entry: JournalEntry) => `${listId}-row-${entry.seq}`;
  const activeRendered =
    active !== undefined && items.some((item) => data.newest(item.index) === active);

  const pick = useCallback(
    (entry: JournalEntry) => {
      setActive(entry);
      select(entry);
    },
    [select],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = active
      ? indexOf(
          data,
          active,
          items.map((item) => item.index),
        )
      : -1;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight) - 1);
    const move = (to: number) => {
      if (count === 0) return;
      const index = Math.max(0, Math.min(count - 1, to));
      setActive(data.newest(index));
      virtualizer.scrollToIndex(index, { align: 'auto' });
    };
    switch (event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current < 0 ? 0 : current - 1);
        break;
      case 'PageDown':
        move(current + page);
        break;
      case 'PageUp':
        move(current - page);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(count - 1);
        break;
      case 'Enter':
      case ' ': {
        const target = current >= 0 ? active : data.newest(0);
        if (target) pick(target);
        break;
      }
      case 'Escape':
        if (!selected) return;
        select(undefined);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onFocus = () => {
    if (active !== undefined || count === 0) return;
    // Start where the eye is: the selected request if it is in view, else the top row in view.
    const inView = items.map((item) => data.newest(item.index));
    setActive(selected && inView.includes(selected) ? selected : inView[0]);
  };

  return (
    <div className="log-list-wrap">
      <div ref={probeRef} className="log-row-probe" aria-hidden="true" />
      <div
        ref={scrollRef}
        className="log-list"
        role="listbox"
        aria-label="Requests, newest first"
        tabIndex={0}
        aria-activedescendant={activeRendered && active ? rowId(active) : undefined}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <div
          className="log-list-inner"
          role="presentation"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const entry = data.newest(item.index);
            if (!entry) return null;
            return (
              <LogRow
                key={item.key}
                entry={entry}
                id={rowId(entry)}
                index={item.index}
                count={count}
                start={item.start}
                height={rowHeight}
                selected={entry === selected}
                active={entry === active}
                onPick={pick}
              />
            );
          })}
        </div>
      </div>
      {count === 0 && (
        <p className="log-empty">
          {data.all.size === 0
            ? 'No requests yet: everything the app sends to /api appears here.'
            : 'No requests match these filters.'}
        </p>
      )}
    </div>
  );
}
