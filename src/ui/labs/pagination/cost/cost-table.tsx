import type { CostPoint } from './measure.ts';

const n = (value: number) => value.toLocaleString('en');
const ms = (value: number) => value.toFixed(2);
const range = ([low, high]: [number, number]) => `${ms(low)}–${ms(high)}`;

/** The measurements as numbers: rows read exactly, times as a median with the rounds' spread. */
export function CostTable({ points }: { points: CostPoint[] }) {
  return (
    <table className="data-table pg-cost-table">
      <thead>
        <tr>
          <th scope="col">depth</th>
          <th scope="col">offset: rows read</th>
          <th scope="col">offset: ms (median, range)</th>
          <th scope="col">keyset: rows read</th>
          <th scope="col">keyset: ms (median, range)</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.depth}>
            <td>{n(point.depth)}</td>
            <td>{n(point.offsetRows)}</td>
            <td>
              {ms(point.offsetMs)} <span className="pg-range">({range(point.offsetRange)})</span>
            </td>
            <td>{n(point.keysetRows)}</td>
            <td>
              {ms(point.keysetMs)} <span className="pg-range">({range(point.keysetRange)})</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
