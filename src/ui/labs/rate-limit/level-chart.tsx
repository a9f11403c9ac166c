import { memo, useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { describeRow, type ChartRow } from './chart-data.ts';
import { useChartLook } from './use-chart-look.ts';

export interface LevelChartProps {
  /** One row per bin: the bars, the level and the tooltip all read the same row. */
  rows: ChartRow[];
  /** The level before the first bin, drawn at 0 s. */
  startLevel: number;
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
/** Totals above the bars only when there are few of them (a burst), or they would crowd. */
const MAX_LABELLED_BARS = 6;

/**
 * Requests per time bin as stacked bars (admitted, rejected) and the level at each bin's end as
 * a line on its own axis. No animation: a live chart must show the data, not tween it.
 */
export const LevelChart = memo(function LevelChart(props: LevelChartProps) {
  const { rows, capacity, compact = false } = props;
  const look = useChartLook(compact);
  // Each bar fills 90% of its bin: recharts' own band on a numeric axis leaves bars thin.
  const [width, setWidth] = useState(0);
  const plotWidth = width - look.requestsAxis - look.levelAxis - 16;
  const barSize = Math.max(1, Math.floor((0.9 * plotWidth) / Math.max(1, rows.length)));
  const first = rows.find((row) => row.level !== null);
  const busy = rows.filter((row) => row.admitted + row.rejected > 0).length;
  const labelled = !compact && busy > 0 && busy <= MAX_LABELLED_BARS;
  return (
    <figure className="rl-chart" role="img" aria-label={props.label}>
      <ResponsiveContainer width="100%" height={props.height} onResize={(w) => setWidth(w)}>
        <ComposedChart
          barSize={barSize}
          data={rows}
          margin={{
            top: compact ? 8 : look.fontSize + 12,
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
            tick={{ fontSize: look.fontSize }}
            minTickGap={look.fontSize * 2}
          />
          <YAxis
            yAxisId="requests"
            allowDecimals={false}
            stroke="var(--fg-muted)"
            tick={{ fontSize: look.fontSize }}
            width={look.requestsAxis}
          />
          <YAxis
            yAxisId="level"
            orientation="right"
            domain={[0, capacity]}
            allowDecimals={false}
            stroke="var(--accent)"
            tick={{ fontSize: look.fontSize }}
            width={look.levelAxis}
          />
          {(props.edges ?? []).map((edge, index) => (
            <ReferenceLine
              key={edge}
              yAxisId="requests"
              x={edge}
              stroke="var(--warn)"
              strokeWidth={look.edgeWidth}
              strokeDasharray="6 3"
              // One label is enough: the other dashed lines are the same thing.
              label={
                compact || index > 0
                  ? undefined
                  : {
                      value: 'window edge',
                      fill: 'var(--warn)',
                      position: 'top',
                      fontSize: look.fontSize,
                      fontWeight: 600,
                    }
              }
            />
          ))}
          {/* From the level before any request to the first bin's end: drawn, not data. */}
          {first && first.level !== null && (
            <ReferenceLine
              yAxisId="level"
              segment={[
                { x: 0, y: props.startLevel },
                { x: first.x, y: first.level },
              ]}
              stroke="var(--accent)"
              strokeWidth={look.lineWidth}
              ifOverflow="extendDomain"
            />
          )}
          {!compact && (
            <Tooltip
              content={({ active, payload }) => (
                <BinTooltip
                  active={active}
                  row={payload?.[0]?.payload as ChartRow | undefined}
                  levelName={props.levelName}
                />
              )}
              cursor={{ fill: 'var(--bg-hover)' }}
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
          >
            {labelled && (
              <LabelList
                // Beside the bar, not above it: the first bin's label would sit on the ticks.
                position="right"
                offset={6}
                valueAccessor={(entry: { payload?: ChartRow }) => {
                  const row = entry.payload;
                  return row && row.admitted + row.rejected > 0
                    ? `${row.admitted + row.rejected}`
                    : '';
                }}
                fill="var(--fg)"
                fontSize={look.fontSize}
                fontWeight={700}
              />
            )}
          </Bar>
          <Line
            yAxisId="level"
            dataKey="level"
            name={props.levelName}
            stroke="var(--accent)"
            strokeWidth={look.lineWidth}
            dot={false}
            activeDot={{ r: look.dotRadius }}
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

/** The hovered bin, read from its one row. */
function BinTooltip({
  active,
  row,
  levelName,
}: {
  active: boolean | undefined;
  row: ChartRow | undefined;
  levelName: string;
}) {
  if (!active || !row) return null;
  const { title, lines } = describeRow(row, levelName);
  return (
    <div className="rl-tooltip" data-testid="chart-tooltip">
      <strong>{title}</strong>
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </div>
  );
}
