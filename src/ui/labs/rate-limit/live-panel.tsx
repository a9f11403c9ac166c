import type { Ref } from 'react';
import { describeTrace } from '../../../scenarios/rate-limit/traces.ts';
import { useUiStore } from '../../stores/ui-store.ts';
import { useLabStore } from './lab-store.ts';
import { LevelChart } from './level-chart.tsx';
import { useLiveChart } from './use-live-chart.ts';

const per = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** The current run's decisions as the limiter made them, binned over virtual time. */
export function LivePanel({ ref }: { ref?: Ref<HTMLElement> }) {
  const run = useLabStore((state) => state.run);
  const chart = useLiveChart();
  // Presenter mode's larger type needs the room: the chart gives a little, the notes go.
  const presenter = useUiStore((state) => state.presenter);
  const over = chart && chart.busiest > chart.quota;

  return (
    <section
      ref={ref}
      className="card rl-card rl-live"
      aria-labelledby="rl-live-title"
      data-testid="live-panel"
    >
      <h2 id="rl-live-title">Live: what the limiter decided</h2>
      {run && chart && (chart.admitted > 0 || chart.rejected > 0) ? (
        <div className="rl-run-summary" data-testid="live-summary">
          <p>
            <code className="presenter-hide">X-Client-Id: {run.clientId} · </code>
            {describeTrace(run.spec)} · <strong>{chart.algorithmName}</strong>
          </p>
          <p>
            <strong data-testid="live-admitted">{chart.admitted}</strong> admitted ·{' '}
            <strong data-testid="live-rejected">{chart.rejected}</strong> rejected · most admitted
            in any {per(chart.windowMs)}:{' '}
            <strong data-testid="live-max" className={over ? 'rl-over' : undefined}>
              {chart.busiest}
            </strong>{' '}
            <span data-testid="live-quota" className={over ? 'rl-over' : undefined}>
              {over
                ? `(${Number((chart.busiest / chart.quota).toFixed(2))}× the quota of ${chart.quota})`
                : `(quota ${chart.quota})`}
            </span>
          </p>
        </div>
      ) : (
        <p className="rl-empty">
          Send some traffic: each decision the limiter makes for this lab&apos;s client appears
          here.
        </p>
      )}
      {chart && (
        <>
          <LevelChart
            rows={chart.rows}
            startLevel={chart.startLevel}
            spanSeconds={chart.spanSeconds}
            capacity={chart.capacity}
            levelName={chart.levelName}
            edges={chart.edges}
            height={presenter ? 190 : 230}
            label={`${chart.algorithmName}: ${chart.admitted} admitted, ${chart.rejected} rejected; the line is ${chart.levelName}`}
          />
          <p className="rl-axis-note presenter-hide">
            Bars: requests per {per(chart.binMs)} of virtual time. Line (right axis):{' '}
            {chart.levelName} at each bar&apos;s end, out of {chart.capacity}.
          </p>
        </>
      )}
    </section>
  );
}
