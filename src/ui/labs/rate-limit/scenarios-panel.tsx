import { useState } from 'react';
import { rateLimitInterpreter } from '../../../scenarios/rate-limit/interpreter.ts';
import { RATE_LIMIT_SCENARIOS } from '../../../scenarios/rate-limit/scenarios.ts';
import { runScenario, type ScenarioResult } from '../../../scenarios/scenario.ts';
import { pageTransport } from '../../shared/page-transport.ts';

type Outcome =
  | { kind: 'running' }
  | { kind: 'done'; result: ScenarioResult }
  | { kind: 'failed'; message: string };

/** The lab's three claims, each runnable: real requests through the worker, checked as data. */
export function ScenariosPanel() {
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const busy = Object.values(outcomes).some((outcome) => outcome.kind === 'running');

  async function run(id: string) {
    const scenario = RATE_LIMIT_SCENARIOS.find((candidate) => candidate.id === id);
    if (!scenario) return;
    setOutcomes((all) => ({ ...all, [id]: { kind: 'running' } }));
    try {
      const result = await runScenario(scenario, rateLimitInterpreter(), pageTransport);
      setOutcomes((all) => ({ ...all, [id]: { kind: 'done', result } }));
    } catch (error) {
      setOutcomes((all) => ({ ...all, [id]: { kind: 'failed', message: String(error) } }));
    }
  }

  return (
    <section className="card rl-card" aria-labelledby="rl-scenarios-title">
      <h2 id="rl-scenarios-title">Scenarios</h2>
      <p className="rl-note">
        Each sets its own policy, plays its traffic fast-forward, checks its claims, then puts the
        policy and the clock back.
      </p>
      <ul className="rl-scenarios">
        {RATE_LIMIT_SCENARIOS.map((scenario) => {
          const outcome = outcomes[scenario.id];
          return (
            <li key={scenario.id} data-testid={`scenario-${scenario.id}`}>
              <div className="rl-scenario-head">
                <h3>{scenario.title}</h3>
                <button type="button" onClick={() => void run(scenario.id)} disabled={busy}>
                  {outcome?.kind === 'running' ? 'Running…' : 'Run'}
                </button>
              </div>
              <p>{scenario.summary}</p>
              {outcome?.kind === 'failed' && <p className="inline-error">{outcome.message}</p>}
              {outcome?.kind === 'done' && (
                <>
                  <p
                    className={outcome.result.pass ? 'rl-pass' : 'rl-fail'}
                    data-testid="scenario-verdict"
                  >
                    {outcome.result.pass ? '✓ Every claim holds' : '✗ A claim failed'}
                  </p>
                  <ul className="rl-checks">
                    {outcome.result.checks.map((check) => (
                      <li
                        key={check.expectation.claim}
                        className={check.pass ? 'rl-pass' : 'rl-fail'}
                      >
                        {check.pass ? '✓' : '✗'} {check.expectation.claim}{' '}
                        <span className="rl-actual">
                          ({check.expectation.metric} = {String(check.actual)})
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
