import { useState, type ReactNode } from 'react';
import { send } from '../shared/http.ts';
import { StatusBadge } from '../shared/status-badge.tsx';
import { useReveal } from '../shared/use-reveal.ts';
import {
  formatRequest,
  newRunId,
  runExample,
  showStep,
  type ExampleStep,
  type ExampleTransport,
  type StepResult,
} from './run-example.ts';

/**
 * Through the service worker, like every request the app makes, so the log shows it too; past
 * the page's cache, as written: the quota example's repeats would otherwise be free 304s.
 */
const viaWorker: ExampleTransport = async (request) => {
  const result = await send(request.path, { ...request, cache: 'no-store' });
  return { status: result.status, headers: result.headers, text: result.text, json: result.body };
};

type Run = ({ kind: 'done'; results: StepResult[] } | { kind: 'failed'; message: string }) & {
  number: number;
};

interface ExampleRunnerProps {
  slug: string;
  steps: ExampleStep[];
  /** Sent after the steps, whatever they answered: puts back what they changed. */
  after?: ExampleStep[] | undefined;
  /** The page's text, above the example in the left column. */
  children: ReactNode;
}

/**
 * A workbench (decision 0008): the page's text and the example's requests as HTTP text on the
 * left, with a button that sends them for real; what came back on the right, in view.
 */
export function ExampleRunner({ slug, steps, after, children }: ExampleRunnerProps) {
  const [run, setRun] = useState<Run | undefined>();
  const [running, setRunning] = useState(false);
  // Drawn before the run, so the requests shown are the requests sent.
  const [runId, setRunId] = useState(newRunId);
  const result = useReveal<HTMLDivElement>(run?.number);

  async function start() {
    setRunning(true);
    const number = (run?.number ?? 0) + 1;
    try {
      setRun({ kind: 'done', results: await runExample(steps, viaWorker, runId), number });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setRun({ kind: 'failed', message, number });
    } finally {
      if (after) await runExample(after, viaWorker, runId).catch(() => undefined);
      setRunning(false);
      setRunId(newRunId());
    }
  }

  return (
    <div className="workbench problem-workbench">
      <div className="workbench-controls">
        {children}
        <h2>Example</h2>
        <ol className="problem-steps">
          {steps.map((step, index) => {
            const shown = showStep(step, steps, runId);
            return (
              <li key={index}>
                {step.why && <p>{step.why}</p>}
                {step.until && (
                  <p className="badge">repeated until the answer is {step.until.status}</p>
                )}
                <pre className="code-block">{formatRequest(shown, shown.bodyShown)}</pre>
              </li>
            );
          })}
        </ol>
        {after?.map((step, index) => (
          <div key={index} className="problem-after">
            {step.why && <p>{step.why}</p>}
            <pre className="code-block">{formatRequest(step)}</pre>
          </div>
        ))}
        <button type="button" className="primary" onClick={() => void start()} disabled={running}>
          {steps.length === 1 ? 'Send this request' : 'Send these requests'}
        </button>
      </div>
      <div className="workbench-result" aria-live="polite">
        <div ref={result}>
          {run === undefined && (
            <p className="workbench-empty">
              {running ? 'Sending…' : 'Send the example: what comes back appears here.'}
            </p>
          )}
          {run?.kind === 'failed' && (
            <p className="problem-box" role="alert">
              The example could not run: {run.message}
            </p>
          )}
        </div>
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
      <h2>What came back</h2>
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
