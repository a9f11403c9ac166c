import { memo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CostPoint } from './measure.ts';

export type CostMeasure = 'rows' | 'ms';

const compact = (value: number) => {
  if (value >= 995_000) return `${Number((value / 1_000_000).toFixed(2))}M`;
  return value >= 1000 ? `${Math.round(value / 1000)}k` : String(value);
};

/**
 * Cost per page against depth: offset climbs with every row it must pass, keyset stays flat.
 * No animation, no tween: the chart shows the measurements as they are.
 */
export const CostChart = memo(function CostChart({
  points,
  measure,
}: {
  points: CostPoint[];
  measure: CostMeasure;
}) {
  const data = points.map((point) => ({
    depth: point.depth,
    offset: measure === 'rows' ? point.offsetRows : point.offsetMs,
    keyset: measure === 'rows' ? point.keysetRows : point.keysetMs,
  }));
  const unit = measure === 'rows' ? 'rows read' : 'ms in the core';
  return (
    <figure
      className="pg-chart"
      role="img"
      aria-label={`Cost per page (${unit}) against depth, offset and keyset`}
    >
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 18, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            dataKey="depth"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={compact}
            stroke="var(--fg-muted)"
            label={{
              value: 'depth (rows before the page)',
              position: 'insideBottom',
              offset: -12,
              fill: 'var(--fg-muted)',
            }}
          />
          <YAxis
            stroke="var(--fg-muted)"
            tickFormatter={measure === 'rows' ? compact : undefined}
            width={56}
          />
          <Tooltip
            contentStyle={{
              background: 'var(--bg)',
              border: '1px solid var(--border)',
              color: 'var(--fg)',
            }}
            formatter={(value) => `${Number(value).toLocaleString('en')} ${unit}`}
            labelFormatter={(depth) => `depth ${Number(depth).toLocaleString('en')}`}
          />
          <Legend verticalAlign="top" height={28} />
          <Line
            name={`offset (${unit})`}
            dataKey="offset"
            stroke="var(--danger)"
            strokeWidth={3}
            dot={{ r: 4 }}
            isAnimationActive={false}
          />
          <Line
            name={`keyset (${unit})`}
            dataKey="keyset"
            stroke="var(--ok)"
            strokeWidth={3}
            dot={{ r: 4 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});
