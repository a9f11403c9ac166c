import { useState } from 'react';
import { send } from '../shared/http.ts';
import { StatusBadge } from '../shared/status-badge.tsx';
import {
  formatRequest,
  runExample,
  type ExampleStep,
  type ExampleTransport,
  type StepResult,
} from './run-example.ts';

/** Through the service worker, like every request the app makes, so the log shows it too. */
const viaWorker: ExampleTransport = async (request) => {
  const result = await send(request.path, request);
  return { status: result.status, headers: result.headers, text: result.text, json: result.body };
};

type Run = { kind: 'done'; results: StepResult[] } | { kind: 'failed'; message: string };

/** The example's requests as HTTP text, and a button that sends them for real. */
export function ExampleRunner({ slug, steps }: { slug: string; steps: ExampleStep[] }) {
  const [run, setRun] = useState<Run | undefined>();
  const [running, setRunning] = useState(false);

  async function start() {
    setRunning(true);
    try {
      setRun({ kind: 'done', results: await runExample(steps, viaWorker) });
    } catch (error) {
      setRun({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setRunning(false);
    }
  }

  return (
    <div className="problem-example">
      <ol className="problem-steps">
        {steps.map((step, index) => (
          <li key={index}>
            {step.why && <p>{step.why}</p>}
            {step.until && (
              <p className="badge">repeated until the answer is {step.until.status}</p>
            )}
            <pre className="code-block">{formatRequest(step, step.bodyShown)}</pre>
          </li>
        ))}
      </ol>
      <button type="button" className="primary" onClick={() => void start()} disabled={running}>
        {steps.length === 1 ? 'Send this request' : 'Send these requests'}
      </button>
      <div aria-live="polite">
        {run?.kind === 'failed' && (
          <p className="problem-box" role="alert">
            The example could not run: {run.message}
          </p>
        )}
        {run?.kind === 'done' && <Results slug={slug} results={run.results} />}
      </div>
    </div>
  );
}

function Results({ slug, results }: { slug: string; results: StepResult[] }) {
  const last = results.at(-1);
  if (!last) return null;
  const answered = (last.response.json as { type?: unknown } | undefined)?.type;
  return (
    <section className="problem-results" aria-label="What came back">
      <h3>What came back</h3>
      {answered !== `/problems/${slug}` && (
        <p className="problem-box" role="alert">
          This example should answer <code>/problems/{slug}</code>, but the API answered{' '}
          {typeof answered === 'string' ? <code>{answered}</code> : 'something else'}: a bug in the
          API (or changed settings).
        </p>
      )}
      <ol>
        {results.map(({ request, response, sent }, index) => (
          <li key={index}>
            <code>
              {request.method} {request.path}
            </code>
            {sent > 1 && ` (sent ${sent} times)`} → <StatusBadge status={response.status} />
          </li>
        ))}
      </ol>
      {last.request.body !== last.step.body && (
        <details>
          <summary>The last request as sent</summary>
          <pre className="code-block">{formatRequest(last.request, last.step.bodyShown)}</pre>
        </details>
      )}
      <pre className="code-block">
        {typeof last.response.json === 'object' && last.response.json !== null
          ? JSON.stringify(last.response.json, null, 2)
          : last.response.text || '(no body)'}
      </pre>
      <details>
        <summary>Response headers</summary>
        <table className="data-table">
          <tbody>
            {last.response.headers.map(([name, value], index) => (
              <tr key={index}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
