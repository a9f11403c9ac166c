import type { Ref } from 'react';
import { Link } from 'wouter';
import type { HttpResult } from '../../shared/http.ts';
import { problemSlug } from '../../shared/problem-slug.ts';
import { StatusBadge } from '../../shared/status-badge.tsx';
import { formatDuration } from '../../shared/journal-format.ts';
import { useLogStore } from '../../stores/log-store.ts';

export type Outcome =
  | { kind: 'response'; method: string; path: string; result: HttpResult }
  | { kind: 'failed'; method: string; path: string; message: string };

/** The whole answer: status (colour and text), time, headers and the body, pretty when JSON. */
export function ResponseView({
  outcome,
  headRef,
}: {
  outcome: Outcome;
  /** On the heading and status line: what must be in view after Send. */
  headRef?: Ref<HTMLDivElement>;
}) {
  const request = (
    <code className="composer-request-line">
      {outcome.method} {outcome.path}
    </code>
  );
  if (outcome.kind === 'failed') {
    return (
      <section className="composer-response" aria-labelledby="composer-response-title">
        <div ref={headRef} className="composer-response-head">
          <h2 id="composer-response-title">No response</h2>
          <p className="problem-box" role="alert">
            {request}: the browser did not send this request. {outcome.message}
          </p>
        </div>
      </section>
    );
  }
  const { result } = outcome;
  const slug = problemSlug(result.problem?.type);
  const bytes = new TextEncoder().encode(result.text).byteLength;
  return (
    <section className="composer-response" aria-labelledby="composer-response-title">
      <div ref={headRef} className="composer-response-head">
        <h2 id="composer-response-title">Response</h2>
        <p className="composer-status" role="status">
          {request} → <StatusBadge status={result.status} statusText={result.statusText} />
          <span className="composer-meta">{bytes} bytes</span>
          {slug && result.problem && (
            <Link href={`/problems/${slug}`}>What “{result.problem.title}” means</Link>
          )}
        </p>
        <Timing result={result} />
      </div>
      <div className="composer-answer">
        <div>
          <h3>Body</h3>
          {result.text === '' ? (
            <p className="composer-hint">(no body)</p>
          ) : (
            <pre className="code-block composer-body-view">{prettyBody(result)}</pre>
          )}
        </div>
        <div>
          <h3>Headers</h3>
          <table className="data-table composer-header-table">
            <tbody>
              {result.headers.map(([name, value], index) => (
                <tr key={`${name}-${index}`}>
                  <th scope="row">{name}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/**
 * Two durations, each named for what it measures: the page's round trip (fetch to the last
 * byte, through the service worker and back) and the API's own handling, as the request log
 * shows it (the journal's duration, found by the answer's X-Request-Id).
 */
function Timing({ result }: { result: HttpResult }) {
  const requestId = result.headers.find(([name]) => name.toLowerCase() === 'x-request-id')?.[1];
  const handled = useLogStore((state) =>
    requestId === undefined ? undefined : state.data.find(requestId)?.duration_ms,
  );
  return (
    <p className="composer-timing" data-testid="composer-timing">
      <span title="From fetch() to the last byte read: through the service worker and back">
        round trip <strong>{result.durationMs.toFixed(1)} ms</strong> (page ↔ worker)
      </span>
      <span title="The API's own handling of the request, as the request log shows it">
        API handling <strong>{handled === undefined ? '…' : formatDuration(handled)}</strong> (as in
        the log)
      </span>
    </p>
  );
}

function prettyBody(result: HttpResult): string {
  return typeof result.body === 'object' && result.body !== null
    ? JSON.stringify(result.body, null, 2)
    : result.text;
}
