import type { CSSProperties } from 'react';
import { LANES, type FlowStep, type StepResult } from './flows.ts';

const column = (lane: FlowStep['from']) => LANES.findIndex((candidate) => candidate.id === lane);

/**
 * The sequence diagram: one column per lane, one row per arrow, drawn in CSS grid. The current
 * step (the next to run) is highlighted; a done arrow shows the status its request answered.
 */
export function SequenceDiagram({
  steps,
  results,
  busy,
}: {
  steps: readonly FlowStep[];
  results: readonly StepResult[];
  busy: boolean;
}) {
  return (
    <ol className="oa-seq" aria-label="Sequence diagram">
      <li className="oa-lanes" aria-hidden="true">
        {LANES.map((lane) => (
          <span key={lane.id}>{lane.name}</span>
        ))}
      </li>
      {steps.map((step, index) => {
        const from = column(step.from);
        const to = column(step.to);
        const left = Math.min(from, to);
        const right = Math.max(from, to);
        const result = results[index];
        const current = index === results.length;
        const state = result ? (result.ok ? 'ok' : 'bad') : current ? 'current' : 'todo';
        return (
          <li
            key={step.id}
            className={`oa-row oa-${state}`}
            data-testid={`arrow-${step.id}`}
            data-state={state}
            aria-current={current ? 'step' : undefined}
          >
            <span
              className={`oa-arrow ${from === to ? 'oa-self' : to > from ? 'oa-right' : 'oa-left'}`}
              style={
                {
                  gridColumn: `${left + 1} / ${right + 2}`,
                  '--span': right - left + 1,
                } as CSSProperties
              }
            >
              <span className="oa-label">
                <b>{index + 1}.</b>
                {result?.status != null && <span className="oa-status">{result.status}</span>}
                {current && busy && <span className="oa-status">…</span>} {step.label}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
