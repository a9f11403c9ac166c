import { useId } from 'react';
import type { JournalEntry } from '../../../api/middleware/journal/journal-entry.ts';
import {
  formatDuration,
  formatTime,
  headerValue,
  statusLabel,
} from '../../shared/journal-format.ts';
import { statusClassOf, useLogStore } from '../../stores/log-store.ts';
import { servedByCache } from '../../shared/client-cache/cache-log-entry.ts';
import { CopyActions } from './copy-actions.tsx';
import { BodyView, HeadersTable, NotesList } from './detail-parts.tsx';
import { DetailTabs } from './detail-tabs.tsx';

/** The selected request in full, beside the list; nothing when no request is selected. */
export function EntryDetail() {
  const entry = useLogStore((state) => state.selected);
  if (!entry) return null;
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
      </p>
      <CopyActions entry={entry} />
      <DetailTabs
        panels={{
          headers: (
            <>
              <h3>General</h3>
              <dl className="log-general">
                <dt>Request</dt>
                <dd>
                  <code>
                    {entry.method} {entry.url}
                  </code>
                </dd>
                <dt>Status</dt>
                <dd>{statusLabel(response.status)}</dd>
                <dt>Request id</dt>
                <dd>
                  <code>{entry.id}</code>
                </dd>
              </dl>
              <h3>Response headers</h3>
              <HeadersTable headers={response.headers} caption="Response headers" />
              <h3>Request headers</h3>
              <HeadersTable headers={request.headers} caption="Request headers" />
            </>
          ),
          request: (
            <BodyView
              body={request.body}
              contentType={headerValue(request.headers, 'content-type')}
              label="Request body"
            />
          ),
          response: (
            <BodyView
              body={response.body}
              contentType={headerValue(response.headers, 'content-type')}
              label="Response body"
            />
          ),
          why: <NotesList notes={entry.notes} />,
          timing: <Timing entry={entry} />,
        }}
      />
    </section>
  );
}

/** When (virtual time) and how long (real time in the core), and what the figure leaves out. */
function Timing({ entry }: { entry: JournalEntry }) {
  if (servedByCache(entry))
    return (
      <dl className="log-general">
        <dt>Answered</dt>
        <dd>
          {entry.started_at} <span className="log-muted">(virtual clock)</span>
        </dd>
        <dt>By</dt>
        <dd>the {entry.servedBy} cache, in the page: this request never reached the API</dd>
      </dl>
    );
  return (
    <>
      <dl className="log-general">
        <dt>Arrived</dt>
        <dd>
          {entry.started_at} <span className="log-muted">(virtual clock)</span>
        </dd>
        <dt>API handling</dt>
        <dd>{formatDuration(entry.duration_ms)}</dd>
        <dt>Number</dt>
        <dd>#{entry.seq} since the API started</dd>
      </dl>
      <p className="log-muted">
        The time is the virtual clock every rule reads. The duration is real time spent inside the
        API; the page&apos;s round trip through the service worker comes on top (the Composer shows
        both).
      </p>
    </>
  );
}
