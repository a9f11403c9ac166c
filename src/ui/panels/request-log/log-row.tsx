import { memo } from 'react';
import type { JournalEntry } from '../../../api/middleware/journal/journal-entry.ts';
import { servedByCache } from '../../shared/client-cache/cache-log-entry.ts';
import { statusClassOf } from '../../stores/log-store.ts';
import { badgesFor, formatDuration, formatTime, statusLabel } from '../../shared/journal-format.ts';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

interface LogRowProps {
  entry: JournalEntry;
  id: string;
  index: number;
  count: number;
  start: number;
  height: number;
  selected: boolean;
  active: boolean;
  onPick(entry: JournalEntry): void;
}

/** One request in the list. Memoised: while scrolling, only rows that change re-render. */
export const LogRow = memo(function LogRow({
  entry,
  id,
  index,
  count,
  start,
  height,
  selected,
  active,
  onPick,
}: LogRowProps) {
  const status = entry.response.status;
  const statusClass = statusClassOf(status);
  // The method only becomes a class name when it is one we style: it is client-supplied text.
  const methodClass = KNOWN_METHODS.has(entry.method)
    ? ` method-${entry.method.toLowerCase()}`
    : '';
  let className = 'log-row';
  if (selected) className += ' selected';
  if (active) className += ' active';
  if (index % 2 === 1) className += ' odd';
  if (servedByCache(entry)) className += ' from-cache';

  return (
    <div
      role="option"
      id={id}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={count}
      className={className}
      style={{ height, transform: `translateY(${start}px)` }}
      onClick={() => onPick(entry)}
    >
      <span className="log-time">{formatTime(entry.started_at)}</span>
      <span className={`log-method${methodClass}`}>{entry.method}</span>
      <span className="log-target">
        <span className="log-path" title={entry.url}>
          {entry.url}
        </span>
        {badgesFor(entry).map((badge, i) => (
          <span key={i} className="badge" title={badge.title}>
            {badge.text}
          </span>
        ))}
      </span>
      <span className="log-status">
        <span className={`status-badge status-${statusClass}`}>{statusLabel(status)}</span>
      </span>
      <span className="log-duration">{formatDuration(entry.duration_ms)}</span>
    </div>
  );
});
