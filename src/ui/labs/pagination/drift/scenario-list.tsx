import { useState } from 'react';
import { driftInterpreter } from '../../../../scenarios/pagination/interpreter.ts';
import { PAGINATION_SCENARIOS } from '../../../../scenarios/pagination/scenarios.ts';
import { runScenario, type ScenarioResult } from '../../../../scenarios/scenario.ts';
import { session, useDriftStore } from './drift-store.ts';

type Outcome =
  | { kind: 'running'; step: number }
  | { kind: 'done'; result: ScenarioResult }
  | { kind: 'failed'; message: string };

/** The lab's three scenarios, each played on the walkers above, then checked as data. */
export function ScenarioList() {
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const busy = useDriftStore((state) => state.busy || state.auto);
  const running = Object.values(outcomes).some((outcome) => outcome.kind === 'running');

  async function run(id: string) {
    const scenario = PAGINATION_SCENARIOS.find((candidate) => candidate.id === id);
    if (!scenario) return;
    const set = (outcome: Outcome) => setOutcomes((all) => ({ ...all, [id]: outcome }));
    set({ kind: 'running', step: 0 });
    useDriftStore.setState({ busy: true, error: undefined });
    try {
      const result = await runScenario(scenario, driftInterpreter(session), session.transport, {
        onStep: (index) => set({ kind: 'running', step: index + 1 }),
      });
      set({ kind: 'done', result });
    } catch (error) {
      set({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      useDriftStore.setState({ busy: false });
    }
  }

  return (
    <section className="card" aria-labelledby="pg-scenarios-title">
      <h2 id="pg-scenarios-title">Scenarios</h2>
      <ul className="pg-scenarios">
        {PAGINATION_SCENARIOS.map((scenario) => {
          const outcome = outcomes[scenario.id];
          return (
            <li key={scenario.id} data-testid={`scenario-${scenario.id}`}>
              <div className="pg-scenario-head">
                <h3>{scenario.title}</h3>
                <button
                  type="button"
                  onClick={() => void run(scenario.id)}
                  disabled={busy || running}
                >
                  {outcome?.kind === 'running'
                    ? `Step ${outcome.step}/${scenario.steps.length}…`
                    : 'Run'}
                </button>
              </div>
              <p className="presenter-hide">{scenario.summary}</p>
              {outcome?.kind === 'failed' && <p className="inline-error">{outcome.message}</p>}
              {outcome?.kind === 'done' && (
                <ul className="pg-checks" data-testid="scenario-checks">
                  <li className={outcome.result.pass ? 'ok' : 'bad'} data-testid="scenario-verdict">
                    {outcome.result.pass ? '✓ Every claim holds' : '✗ A claim failed'}
                  </li>
                  {outcome.result.checks.map((check) => (
                    <li key={check.expectation.claim} className={check.pass ? 'ok' : 'bad'}>
                      {check.pass ? '✓' : '✗'} {check.expectation.claim}{' '}
                      <span className="pg-muted">
                        ({check.expectation.metric} = {String(check.actual)})
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
