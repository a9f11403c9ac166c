import { useEffect, useState } from 'react';
import type { ApiEventOf } from '../../../api/events.ts';
import { onEngineEvent } from '../../bridge/engine-events.ts';
import { useLogStore } from '../../stores/log-store.ts';

type Evaluated = ApiEventOf<'preconditions'>;

const OUTCOME: Record<Evaluated['evaluation']['outcome'], string> = {
  proceed: 'proceed: the request is carried out',
  'not-modified': '304 Not Modified',
  'precondition-failed': '412 Precondition Failed',
};

/**
 * RFC 9110 §13.2.2 step by step, for every conditional request the API evaluated while the lab
 * is open: the server's own trace (its "preconditions" event), not a second opinion from the page.
 */
export function TracePanel() {
  const [items, setItems] = useState<Evaluated[]>([]);
  const [picked, setPicked] = useState<number>(0);
  const select = useLogStore((state) => state.select);
  useEffect(
    () =>
      onEngineEvent('preconditions', (event) => {
        setItems((all) => [event, ...all].slice(0, 12));
        setPicked(0);
      }),
    [],
  );
  const shown = items[picked];
  return (
    <section className="card cl-trace" aria-labelledby="cl-trace-title" data-testid="trace-panel">
      <h2 id="cl-trace-title">How the server decided (RFC 9110 §13.2.2)</h2>
      {!shown ? (
        <p className="cl-note">
          No conditional request yet. A revalidation (If-None-Match) or a guarded write (If-Match)
          appears here, evaluated in the RFC’s order.
        </p>
      ) : (
        <>
          <label className="cl-trace-pick">
            Request{' '}
            <select value={picked} onChange={(event) => setPicked(Number(event.target.value))}>
              {items.map((item, index) => (
                <option key={index} value={index}>
                  {item.method} {item.url} → {OUTCOME[item.evaluation.outcome]}
                </option>
              ))}
            </select>
          </label>
          <ol className="cl-steps" data-testid="trace-steps">
            {shown.evaluation.trace.map((step, index) => (
              <li key={index}>
                <b>{step.header}</b> <code>{step.value}</code>{' '}
                {step.comparison && <span className="badge">{step.comparison} comparison</span>}{' '}
                {step.detail}.{' '}
                <span className="badge" data-testid="trace-verdict">
                  {step.held === undefined
                    ? 'ignored'
                    : step.held
                      ? 'condition true'
                      : 'condition false'}
                </span>{' '}
                <span className="cl-muted">{step.section}</span>
              </li>
            ))}
          </ol>
          <p className="cl-outcome" data-testid="trace-outcome">
            Outcome: <b>{OUTCOME[shown.evaluation.outcome]}</b>
            {shown.evaluation.decidedBy
              ? `, decided by ${shown.evaluation.decidedBy.header}`
              : ''}.{' '}
            <button type="button" className="link-button" onClick={() => select(shown.requestId)}>
              Show it in the log
            </button>
          </p>
        </>
      )}
    </section>
  );
}
