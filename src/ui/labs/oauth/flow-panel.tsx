import { useState } from 'react';
import { SequenceDiagram } from './sequence-diagram.tsx';
import { StepDetail } from './step-detail.tsx';
import { AUTH_CODE_FLOW, CLIENT_CREDENTIALS_FLOW } from './flows.ts';
import { useFlow } from './use-flow.ts';

const FLOWS = {
  code: { title: 'Authorization code + PKCE', steps: AUTH_CODE_FLOW },
  service: { title: 'Client credentials', steps: CLIENT_CREDENTIALS_FLOW },
} as const;

/** The two flows, stepped through live: Step, Play, Reset beside the diagram. */
export function FlowPanel() {
  const [which, setWhich] = useState<keyof typeof FLOWS>('code');
  return <Flow key={which} which={which} setWhich={setWhich} />;
}

function Flow({
  which,
  setWhich,
}: {
  which: keyof typeof FLOWS;
  setWhich(which: keyof typeof FLOWS): void;
}) {
  const { steps } = FLOWS[which];
  const flow = useFlow(steps);
  const last = flow.results.length - 1;
  const finished = flow.results.length === steps.length;
  return (
    <section className="card oa-card" aria-labelledby="oa-flow-title">
      <h2 id="oa-flow-title">The flow, arrow by arrow</h2>
      <div className="oa-toolbar">
        <fieldset className="oa-flows">
          <legend className="visually-hidden">Flow</legend>
          {(Object.keys(FLOWS) as (keyof typeof FLOWS)[]).map((id) => (
            <button
              key={id}
              type="button"
              className="toggle"
              aria-pressed={which === id}
              onClick={() => setWhich(id)}
            >
              {FLOWS[id].title}
            </button>
          ))}
        </fieldset>
        <span className="oa-actions">
          <button
            type="button"
            className="primary"
            onClick={() => void flow.step()}
            disabled={flow.busy || flow.playing || finished}
          >
            Step
          </button>
          <button
            type="button"
            onClick={() => void flow.play()}
            disabled={flow.busy || flow.playing || finished}
          >
            Play
          </button>
          <button
            type="button"
            onClick={flow.reset}
            disabled={flow.results.length === 0 && !flow.busy}
          >
            Reset
          </button>
        </span>
      </div>
      <div className="oa-bench">
        <SequenceDiagram steps={steps} results={flow.results} busy={flow.busy} />
        <div className="oa-side" aria-live="polite">
          {flow.error && <p className="oa-outcome oa-outcome-bad">{flow.error}</p>}
          <StepDetail step={steps[last]} result={flow.results[last]} />
          {finished && (
            <p className="oa-note" data-testid="flow-done">
              Done: every arrow above was a request in the log. Reset to run it again with a new
              verifier and state.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
