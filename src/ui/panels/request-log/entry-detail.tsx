import { useId } from 'react';
import type { JournalEntry } from '../../../api/middleware/journal/journal-entry.ts';
import { statusClassOf, useLogStore } from '../../stores/log-store.ts';
import { CopyActions } from './copy-actions.tsx';
import { BodyView, HeadersTable, NotesList } from './detail-parts.tsx';
import { formatDuration, formatTime, headerValue, statusLabel } from './entry-format.ts';

/** The selected request in full, beside the list. */
export function EntryDetail() {
  const entry = useLogStore((state) => state.selected);
  if (!entry) {
    return (
      <section className="log-detail log-detail-empty" aria-label="Request details">
        <p className="log-muted">
          Select a request to see its headers, bodies, and the rules that decided its answer.
        </p>
      </section>
    );
  }
  return <EntryDetailView key={entry.seq} entry={entry} />;
}

function EntryDetailView({ entry }: { entry: JournalEntry }) {
  const select = useLogStore((state) => state.select);
  const headingId = useId();
  const { request, response } = entry;

  return (
    <section className="log-detail" aria-labelledby={headingId} data-testid="log-detail">
      <header className="log-detail-header">
        <h2 id={headingId} className="log-request-line">
          <span className="log-method">{entry.method}</span> <span>{entry.url}</span>
        </h2>
        <button
          type="button"
          className="log-detail-close"
          aria-label="Close the request details"
          onClick={() => select(undefined)}
        >
          ×
        </button>
      </header>
      <p className="log-detail-meta">
        <span className={`status-badge status-${statusClassOf(response.status)}`}>
          {statusLabel(response.status)}
        </span>
        <span>{formatDuration(entry.duration_ms)}</span>
        <span>at {formatTime(entry.started_at)} (virtual)</span>
        <span>
          id <code>{entry.id}</code>
        </span>
      </p>
      <CopyActions entry={entry} />
      <h3>Why: the rules that applied</h3>
      <NotesList notes={entry.notes} />
      <h3>Request headers</h3>
      <HeadersTable headers={request.headers} caption="Request headers" />
      <h3>Request body</h3>
      <BodyView
        body={request.body}
        contentType={headerValue(request.headers, 'content-type')}
        label="Request body"
      />
      <h3>Response headers</h3>
      <HeadersTable headers={response.headers} caption="Response headers" />
      <h3>Response body</h3>
      <BodyView
        body={response.body}
        contentType={headerValue(response.headers, 'content-type')}
        label="Response body"
      />
    </section>
  );
}
