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
import { useUiStore } from '../../../stores/ui-store.ts';
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
  const unit = measure === 'rows' ? 'rows read' : 'median ms in the core';
  // SVG text does not follow the page's font size: recharts measures what it is given.
  const presenter = useUiStore((state) => state.presenter);
  const fontSize = presenter ? 19 : 13;
  const tick = { fontSize };
  const line = { strokeWidth: presenter ? 4.5 : 3, dot: { r: presenter ? 6.5 : 4 } };
  return (
    <figure
      className="pg-chart"
      role="img"
      aria-label={`Cost per page (${unit}) against depth, offset and keyset`}
    >
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: fontSize + 8, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            dataKey="depth"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={compact}
            stroke="var(--fg-muted)"
            tick={tick}
            label={{
              value: 'depth (rows before the page)',
              position: 'insideBottom',
              offset: -fontSize,
              fill: 'var(--fg-muted)',
              fontSize,
            }}
          />
          <YAxis
            stroke="var(--fg-muted)"
            tickFormatter={measure === 'rows' ? compact : undefined}
            tick={tick}
            width={fontSize * 4}
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
          <Legend verticalAlign="top" height={fontSize * 2} wrapperStyle={{ fontSize }} />
          <Line
            name={`offset: ${unit}`}
            dataKey="offset"
            {...line}
            stroke="var(--danger)"
            isAnimationActive={false}
          />
          <Line
            name={`keyset: ${unit}`}
            dataKey="keyset"
            {...line}
            stroke="var(--ok)"
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});
