import { memo, useMemo, useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Bin } from './chart-data.ts';

export interface LevelChartProps {
  bins: Bin[];
  /** The level before the first bin, drawn at 0 s. */
  startLevel: number;
  binMs: number;
  /** Seconds the x axis spans. */
  spanSeconds: number;
  capacity: number;
  levelName: string;
  /** Window edges to mark, in seconds from the origin. */
  edges?: number[];
  height: number;
  compact?: boolean;
  label: string;
}

const seconds = (t: number) => `${Number(t.toFixed(2))} s`;

/**
 * Requests per time bin as stacked bars (admitted, rejected) and the bucket level at each bin's
 * end as a line on its own axis. No animation: a live chart must show the data, not tween it.
 */
export const LevelChart = memo(function LevelChart(props: LevelChartProps) {
  const { bins, capacity, compact = false } = props;
  // Bars sit in the middle of their bin; the level is a point at each bin's end.
  const bars = useMemo(
    () => bins.map((bin) => ({ x: bin.mid, admitted: bin.admitted, rejected: bin.rejected })),
    [bins],
  );
  const levels = useMemo(
    () => [
      { x: 0, level: props.startLevel },
      ...bins.map((bin) => ({ x: bin.t + props.binMs / 1000, level: bin.level })),
    ],
    [bins, props.startLevel, props.binMs],
  );
  // Each bar fills 90% of its bin: recharts' own band on a numeric axis leaves bars thin.
  const [width, setWidth] = useState(0);
  const plotWidth = width - (compact ? 64 : 104);
  const barSize = Math.max(1, Math.floor((0.9 * plotWidth) / Math.max(1, bins.length)));
  return (
    <figure className="rl-chart" role="img" aria-label={props.label}>
      <ResponsiveContainer width="100%" height={props.height} onResize={(w) => setWidth(w)}>
        <ComposedChart
          barSize={barSize}
          data={bars}
          margin={{
            top: compact ? 8 : 22,
            right: compact ? 4 : 12,
            bottom: 0,
            left: compact ? -16 : 0,
          }}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="x"
            type="number"
            domain={[0, props.spanSeconds]}
            tickFormatter={seconds}
            stroke="var(--fg-muted)"
            minTickGap={24}
          />
          <YAxis
            yAxisId="requests"
            allowDecimals={false}
            stroke="var(--fg-muted)"
            width={compact ? 40 : 48}
          />
          <YAxis
            yAxisId="level"
            orientation="right"
            domain={[0, capacity]}
            allowDecimals={false}
            stroke="var(--accent)"
            width={compact ? 34 : 44}
          />
          {(props.edges ?? []).map((edge, index) => (
            <ReferenceLine
              key={edge}
              yAxisId="requests"
              x={edge}
              stroke="var(--warn)"
              strokeWidth={2}
              strokeDasharray="6 3"
              // One label is enough: the other dashed lines are the same thing.
              label={
                compact || index > 0
                  ? undefined
                  : { value: 'window edge', fill: 'var(--warn)', position: 'top' }
              }
            />
          ))}
          {!compact && (
            <Tooltip
              labelFormatter={(x) => `at ${seconds(Number(x))}`}
              contentStyle={{
                background: 'var(--bg)',
                border: '1px solid var(--border)',
                color: 'var(--fg)',
              }}
              isAnimationActive={false}
            />
          )}
          <Bar
            yAxisId="requests"
            dataKey="admitted"
            name="admitted"
            stackId="r"
            fill="var(--ok)"
            isAnimationActive={false}
          />
          <Bar
            yAxisId="requests"
            dataKey="rejected"
            name="rejected (429)"
            stackId="r"
            fill="var(--danger)"
            isAnimationActive={false}
          />
          <Line
            yAxisId="level"
            data={levels}
            dataKey="level"
            name={props.levelName}
            stroke="var(--accent)"
            strokeWidth={compact ? 2 : 3}
            dot={false}
            type="linear"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
      {/* A plain legend: recharts' own re-measures itself on every update of a live chart. */}
      {!compact && (
        <figcaption className="rl-legend" aria-hidden="true">
          <span className="rl-key rl-key-ok">admitted</span>
          <span className="rl-key rl-key-danger">rejected (429)</span>
          <span className="rl-key rl-key-line">{props.levelName}</span>
        </figcaption>
      )}
    </figure>
  );
});
