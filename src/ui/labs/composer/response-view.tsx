import { Link } from 'wouter';
import type { HttpResult } from '../../shared/http.ts';
import { problemSlug } from '../../shared/problem-slug.ts';
import { StatusBadge } from '../../shared/status-badge.tsx';

export type Outcome =
  | { kind: 'response'; method: string; path: string; result: HttpResult }
  | { kind: 'failed'; method: string; path: string; message: string };

/** The whole answer: status (colour and text), time, headers and the body, pretty when JSON. */
export function ResponseView({ outcome }: { outcome: Outcome }) {
  const request = (
    <code className="composer-request-line">
      {outcome.method} {outcome.path}
    </code>
  );
  if (outcome.kind === 'failed') {
    return (
      <section className="composer-response" aria-labelledby="composer-response-title">
        <h2 id="composer-response-title">No response</h2>
        <p className="problem-box" role="alert">
          {request}: the browser did not send this request. {outcome.message}
        </p>
      </section>
    );
  }
  const { result } = outcome;
  const slug = problemSlug(result.problem?.type);
  const bytes = new TextEncoder().encode(result.text).byteLength;
  return (
    <section className="composer-response" aria-labelledby="composer-response-title">
      <h2 id="composer-response-title">Response</h2>
      <p className="composer-status" role="status">
        {request} → <StatusBadge status={result.status} statusText={result.statusText} />
        <span className="composer-meta">
          {result.durationMs.toFixed(1)} ms · {bytes} bytes
        </span>
        {slug && result.problem && (
          <Link href={`/problems/${slug}`}>What “{result.problem.title}” means</Link>
        )}
      </p>
      <div className="composer-columns">
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
        <div>
          <h3>Body</h3>
          {result.text === '' ? (
            <p className="composer-hint">(no body)</p>
          ) : (
            <pre className="code-block composer-body-view">{prettyBody(result)}</pre>
          )}
        </div>
      </div>
    </section>
  );
}

function prettyBody(result: HttpResult): string {
  return typeof result.body === 'object' && result.body !== null
    ? JSON.stringify(result.body, null, 2)
    : result.text;
}
