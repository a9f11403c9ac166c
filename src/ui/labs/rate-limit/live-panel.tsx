import { describeTrace } from '../../../scenarios/rate-limit/traces.ts';
import { useLabStore } from './lab-store.ts';
import { LevelChart } from './level-chart.tsx';
import { useLiveChart } from './use-live-chart.ts';

const per = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** The current run's decisions as the limiter made them, binned over virtual time. */
export function LivePanel() {
  const run = useLabStore((state) => state.run);
  const chart = useLiveChart();

  return (
    <section className="card rl-card rl-live" aria-labelledby="rl-live-title">
      <h2 id="rl-live-title">Live: what the limiter decided</h2>
      {run && chart && (chart.admitted > 0 || chart.rejected > 0) ? (
        <p className="rl-run-summary" data-testid="live-summary">
          <span>
            <code>X-Client-Id: {run.clientId}</code> · {describeTrace(run.spec)} ·{' '}
            {chart.algorithmName}
          </span>
          <span>
            <strong data-testid="live-admitted">{chart.admitted}</strong> admitted ·{' '}
            <strong data-testid="live-rejected">{chart.rejected}</strong> rejected · most in any 1
            s: <strong data-testid="live-max">{chart.maxPerSecond}</strong> (quota {chart.quota})
          </span>
        </p>
      ) : (
        <p className="rl-empty">
          Send some traffic: each decision the limiter makes for this lab&apos;s client appears
          here.
        </p>
      )}
      {chart && (
        <>
          <LevelChart
            bins={chart.bins}
            startLevel={chart.startLevel}
            binMs={chart.binMs}
            spanSeconds={chart.spanSeconds}
            capacity={chart.capacity}
            levelName={chart.levelName}
            edges={chart.edges}
            height={260}
            label={`${chart.algorithmName}: ${chart.admitted} admitted, ${chart.rejected} rejected; the line is ${chart.levelName}`}
          />
          <p className="rl-axis-note">
            Bars: requests per {per(chart.binMs)} of virtual time. Line (right axis):{' '}
            {chart.levelName}, out of {chart.capacity}.
          </p>
        </>
      )}
    </section>
  );
}
