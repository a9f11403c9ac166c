import { useState } from 'react';
import { policyOf } from '../../../api/middleware/rate-limit/policy.ts';
import { ALGORITHMS } from '../../../api/middleware/rate-limit/registry.ts';
import type { TraceSpec } from '../../../scenarios/rate-limit/traces.ts';
import { compare, presetTimes, type Comparison } from './comparison.ts';
import { useLabStore } from './lab-store.ts';
import { LevelChart } from './level-chart.tsx';
import { useEngineStore } from '../../stores/engine-store.ts';

type Source = 'window-edge' | 'burst' | 'steady' | 'run';

const SOURCES: { id: Source; label: string }[] = [
  { id: 'window-edge', label: 'Window edge: the quota just before and just after an edge' },
  { id: 'burst', label: 'A burst of twice the quota' },
  { id: 'steady', label: 'Twice the allowed rate, for three windows' },
  { id: 'run', label: 'The live run’s recorded trace' },
];

/** The same trace through all five algorithms, side by side, with the numbers that matter. */
export function ComparisonPanel() {
  const settings = useLabStore((state) => state.settings);
  const decisions = useLabStore((state) => state.decisions);
  const [source, setSource] = useState<Source>('window-edge');
  const [result, setResult] = useState<Comparison | undefined>();
  if (!settings) return null;
  const policy = policyOf(settings);
  const windowSeconds = policy.windowMs / 1000;

  function run() {
    // Where the preset traces are placed: only the window edge's alignment depends on it.
    const now = useEngineStore.getState().clock?.epoch_ms ?? 0;
    const specs: Record<Exclude<Source, 'run'>, TraceSpec> = {
      'window-edge': { kind: 'window-edge', perSide: policy.quota },
      burst: { kind: 'burst', count: 2 * policy.quota },
      steady: {
        kind: 'steady',
        perSecond: (2 * policy.quota) / windowSeconds,
        seconds: 3 * windowSeconds,
      },
    };
    const times =
      source === 'run'
        ? decisions.map((d) => d.at)
        : presetTimes(specs[source], now, policy.windowMs);
    setResult(compare(times, policy));
  }

  return (
    <section className="card rl-card rl-compare" aria-labelledby="rl-compare-title">
      <h2 id="rl-compare-title">Compare the five algorithms on the same trace</h2>
      <p className="rl-note">
        Replayed in this page&apos;s copy of the core, no HTTP: exactly the decisions the API would
        make, for the policy above ({policy.quota} per {windowSeconds} s, bucket {policy.burst}).
      </p>
      <div className="rl-compare-controls">
        <label className="rl-field rl-wide">
          <span>Trace</span>
          <select value={source} onChange={(e) => setSource(e.target.value as Source)}>
            {SOURCES.map((option) => (
              <option
                key={option.id}
                value={option.id}
                disabled={option.id === 'run' && decisions.length === 0}
              >
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={run}>
          Compare
        </button>
      </div>
      {result && <ComparisonResult result={result} />}
    </section>
  );
}

function ComparisonResult({ result }: { result: Comparison }) {
  const { quota } = result.policy;
  const windowSeconds = result.policy.windowMs / 1000;
  return (
    <>
      <table className="data-table rl-table" data-testid="comparison-table">
        <caption className="visually-hidden">Admitted and rejected per algorithm</caption>
        <thead>
          <tr>
            <th scope="col">Algorithm</th>
            <th scope="col">Admitted</th>
            <th scope="col">Rejected</th>
            <th scope="col">
              Most admitted in any {windowSeconds} s (quota {quota})
            </th>
          </tr>
        </thead>
        <tbody>
          {result.results.map((r) => (
            <tr key={r.algorithm} data-algorithm={r.algorithm}>
              <th scope="row">{ALGORITHMS[r.algorithm].name}</th>
              <td>{r.admitted}</td>
              <td>{r.rejected}</td>
              <td
                data-testid="busiest-window"
                className={r.busiest >= 1.5 * quota ? 'rl-over' : undefined}
              >
                {r.busiest}
                {r.busiest > quota && ` (${Number((r.busiest / quota).toFixed(2))}× the quota)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="rl-grid">
        {result.results.map((r) => {
          const algorithm = ALGORITHMS[r.algorithm];
          return (
            <div key={r.algorithm} className="rl-mini">
              <h3>{algorithm.name}</h3>
              <LevelChart
                rows={r.rows}
                startLevel={r.startLevel}
                spanSeconds={result.spanSeconds}
                capacity={algorithm.capacity(result.policy)}
                levelName={algorithm.levelName}
                edges={result.edges}
                height={150}
                compact
                label={`${algorithm.name}: ${r.admitted} of ${result.requests} admitted, at most ${r.busiest} in one ${windowSeconds} s window`}
              />
            </div>
          );
        })}
      </div>
      <p className="rl-axis-note">
        Green: admitted, red: refused (429), per{' '}
        {result.binMs >= 1000 ? `${result.binMs / 1000} s` : `${result.binMs} ms`}. Blue line: the
        level (tokens left, or requests counted) on its own scale. Dashed: window edges.
      </p>
    </>
  );
}
