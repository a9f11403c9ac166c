import { useEffect, useId, useState } from 'react';
import { CostChart, type CostMeasure } from './cost-chart.tsx';
import { countUsers, depthsFor, generateUsers, measureDepth, type CostPoint } from './measure.ts';
import { useSeedingProgress } from './use-seeding.ts';
import './cost.css';

const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const LIMIT = 20;
/** The classroom size the engine seeds by default. */
const DEFAULT_USERS = 50;
const n = (value: number) => value.toLocaleString('en');

type Phase =
  | { kind: 'idle' }
  | { kind: 'generating'; started: number }
  | { kind: 'measuring'; done: number; of: number };

/**
 * What a page costs as it goes deeper, measured on real requests: generate up to a million
 * users (built aside in slices, so this page keeps running), then read an offset page and a
 * keyset page at depths spread over the whole list, and chart the rows each read.
 */
export default function CostPanel() {
  const [size, setSize] = useState(100_000);
  const [users, setUsers] = useState<number | undefined>();
  const [points, setPoints] = useState<CostPoint[]>([]);
  const [measure, setMeasure] = useState<CostMeasure>('rows');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | undefined>();
  const seeding = useSeedingProgress();
  const sizeId = useId();

  useEffect(() => {
    void countUsers().then(setUsers, () => undefined);
  }, []);

  async function generate(rows = size) {
    setPhase({ kind: 'generating', started: performance.now() });
    setError(undefined);
    setPoints([]);
    try {
      await generateUsers(rows);
      setUsers(await countUsers());
    } catch (failure) {
      setError(String(failure));
    }
    setPhase({ kind: 'idle' });
  }

  async function run() {
    const total = users ?? (await countUsers());
    const depths = depthsFor(total, LIMIT);
    setError(undefined);
    setPoints([]);
    try {
      for (const [index, depth] of depths.entries()) {
        setPhase({ kind: 'measuring', done: index, of: depths.length });
        const point = await measureDepth(depth, LIMIT);
        setPoints((all) => [...all, point]);
      }
    } catch (failure) {
      setError(String(failure));
    }
    setPhase({ kind: 'idle' });
  }

  const busy = phase.kind !== 'idle';
  const percent =
    seeding && seeding.total > 0 ? Math.round((100 * seeding.done) / seeding.total) : undefined;

  return (
    <section className="card" aria-labelledby="pg-cost-title">
      <h2 id="pg-cost-title">Cost per page: offset against keyset</h2>
      <div className="pg-toolbar" role="group" aria-label="Collection size">
        <label htmlFor={sizeId}>Users</label>
        <select
          id={sizeId}
          value={size}
          onChange={(event) => setSize(Number(event.target.value))}
          disabled={busy}
        >
          {SIZES.map((value) => (
            <option key={value} value={value}>
              {n(value)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void generate()} disabled={busy}>
          Generate
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void run()}
          disabled={busy || !users}
        >
          Measure {LIMIT}-row pages
        </button>
        <span className="pg-muted" data-testid="users-count">
          {users === undefined ? '' : `${n(users)} users now`}
        </span>
        {users !== undefined && users > DEFAULT_USERS && (
          <button type="button" onClick={() => void generate(DEFAULT_USERS)} disabled={busy}>
            Back to {DEFAULT_USERS}
          </button>
        )}
      </div>
      {phase.kind === 'generating' && (
        <div className="pg-progress" data-testid="seeding-progress">
          <progress max={100} value={percent} aria-label="Generating users" />
          <span>
            {percent === undefined ? 'Starting…' : `${percent}%`} · built aside in slices: the page
            keeps running, and requests are answered from the current data until the swap.
          </span>
        </div>
      )}
      {phase.kind === 'measuring' && (
        <p className="pg-muted">
          Measuring depth {phase.done + 1} of {phase.of}…
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {points.length > 0 && (
        <>
          <fieldset className="pg-measure">
            <legend className="visually-hidden">Cost measured as</legend>
            {(['rows', 'ms'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="pg-measure"
                  checked={measure === value}
                  onChange={() => setMeasure(value)}
                />
                {value === 'rows' ? 'rows read' : 'time in the core'}
              </label>
            ))}
          </fieldset>
          <CostChart points={points} measure={measure} />
          <CostTable points={points} />
        </>
      )}
      <p className="pg-muted presenter-hide">
        Rows read and time come from each response’s <code>Server-Timing</code> header (the journal
        notes say the same). An offset page walks past every row before it, as a database’s OFFSET
        does; a keyset page seeks by binary search, then reads its {LIMIT} rows. The worker’s round
        trip, a few ms, comes on top of both.
      </p>
    </section>
  );
}

function CostTable({ points }: { points: CostPoint[] }) {
  return (
    <table className="data-table pg-cost-table">
      <thead>
        <tr>
          <th scope="col">depth</th>
          <th scope="col">offset: rows read</th>
          <th scope="col">offset: ms</th>
          <th scope="col">keyset: rows read</th>
          <th scope="col">keyset: ms</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.depth}>
            <td>{n(point.depth)}</td>
            <td>{n(point.offsetRows)}</td>
            <td>{point.offsetMs.toFixed(3)}</td>
            <td>{n(point.keysetRows)}</td>
            <td>{point.keysetMs.toFixed(3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
