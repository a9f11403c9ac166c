import { useEffect, useId, useRef, useState } from 'react';
import { CostChart, type CostMeasure } from './cost-chart.tsx';
import { CostTable } from './cost-table.tsx';
import {
  ROUNDS,
  countUsers,
  depthsFor,
  measureDepths,
  timerResolution,
  type CostPoint,
} from './measure.ts';
import { readUserData, withUsers, type OwnDataPhase, type UserData } from './own-data.ts';
import { useEngineStore } from '../../../stores/engine-store.ts';
import { useSeedingProgress } from './use-seeding.ts';
import './cost.css';

const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const LIMIT = 20;
const n = (value: number) => value.toLocaleString('en');

type Phase = { kind: 'idle' } | { kind: OwnDataPhase; round?: number };

interface Measured {
  users: number;
  points: CostPoint[];
  resolutionMs: number;
  /** The user's data was rebuilt for the measurement and put back afterwards. */
  restored: boolean;
}

/**
 * What a page costs as it goes deeper, measured on real requests: an offset page and a keyset
 * page at depths spread over the whole list, each read several times. The Users picker is what
 * Measure runs on: the data there is, or a bigger seed built for the measurement and replaced by
 * the user's own data afterwards, so this lab leaves the rest of the app as it found it.
 */
export default function CostPanel() {
  const [current, setCurrent] = useState<number | undefined>();
  const [size, setSize] = useState(100_000);
  const [measured, setMeasured] = useState<Measured | undefined>();
  const [measure, setMeasure] = useState<CostMeasure>('rows');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | undefined>();
  const seeding = useSeedingProgress();
  const sizeId = useId();
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void countUsers().then(setCurrent, () => undefined);
  }, []);
  // The result comes into view when it is drawn, however the lab area was scrolled.
  useEffect(() => {
    if (measured) result.current?.scrollIntoView({ block: 'nearest' });
  }, [measured]);

  // Re-read whenever rows change anywhere: whether the data is still its seed decides the plan.
  const dataVersion = useEngineStore((state) => state.dataVersion);
  const [data, setData] = useState<UserData | undefined>();
  useEffect(() => {
    void readUserData().then(setData, () => setData(undefined));
  }, [dataVersion]);
  const users = current;
  const own = users !== undefined && size !== users;
  const blocked = own && !data?.pristine;

  async function run() {
    setError(undefined);
    try {
      if (users === undefined) return;
      const points = await withUsers(
        size,
        users,
        async () => {
          const total = await countUsers();
          return measureDepths(depthsFor(total, LIMIT), LIMIT, (round) =>
            setPhase({ kind: 'measuring', round }),
          );
        },
        (next) => setPhase({ kind: next }),
      );
      setMeasured({ users: size, points, resolutionMs: timerResolution(), restored: own });
      setCurrent(await countUsers());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
    setPhase({ kind: 'idle' });
  }

  const busy = phase.kind !== 'idle';
  const percent =
    seeding && seeding.total > 0 ? Math.round((100 * seeding.done) / seeding.total) : undefined;
  const choices = [...new Set([...(users === undefined ? [] : [users]), ...SIZES])].sort(
    (a, b) => a - b,
  );

  return (
    <section className="card pg-cost" aria-labelledby="pg-cost-title">
      <h2 id="pg-cost-title">Cost per page: offset against keyset</h2>
      <div className="pg-cost-bench">
        <div className="pg-cost-controls">
          <div className="pg-toolbar">
            <label htmlFor={sizeId}>Users</label>
            <select
              id={sizeId}
              value={size}
              onChange={(event) => setSize(Number(event.target.value))}
              disabled={busy}
            >
              {choices.map((value) => (
                <option key={value} value={value}>
                  {value === users ? `${n(value)}: the data there is` : n(value)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="primary"
              onClick={() => void run()}
              disabled={busy || users === undefined || blocked}
            >
              Measure {LIMIT}-row pages
            </button>
          </div>
          <p className="pg-plan" data-testid="measure-plan">
            {users === undefined
              ? 'Counting the users…'
              : !own
                ? `Measures the ${n(users)} users there are now; your data is not changed.`
                : blocked
                  ? `Your data has changes (made in the Explorer or another lab), so it cannot be rebuilt and put back. Measure the ${n(users)} users there are now, or Reset in the header first.`
                  : `Builds ${n(size)} users for the measurement, then puts your ${n(users)} back exactly as they were. Your request log stays.`}
          </p>
          <p className="pg-muted" data-testid="users-count">
            {users === undefined ? '' : `${n(users)} users now`}
          </p>
          <Progress phase={phase} percent={percent} size={size} />
          {error && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
          {measured && (
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
          )}
          {measured && (
            <p className="pg-muted" data-testid="measure-method">
              On {n(measured.users)} users{measured.restored && ', then your data put back'}. Rows
              read are exact. Time: the median of {ROUNDS} rounds per depth after a warm-up read, on
              a timer that ticks every {formatMs(measured.resolutionMs)} ms in this page.
            </p>
          )}
        </div>
        <div className="pg-cost-result" ref={result} data-testid="cost-result">
          {measured ? (
            <CostChart points={measured.points} measure={measure} />
          ) : (
            <div className="pg-chart-empty">
              The chart of rows read (or time) against depth appears here after Measure.
            </div>
          )}
        </div>
      </div>
      {measured && <CostTable points={measured.points} />}
      <p className="pg-muted presenter-hide">
        Rows read and time come from each response’s <code>Server-Timing</code> header (the journal
        notes say the same). An offset page walks past every row before it, as a database’s OFFSET
        does; a keyset page seeks by binary search, then reads its {LIMIT} rows. The worker’s round
        trip, a few ms, comes on top of both.
      </p>
    </section>
  );
}

const formatMs = (ms: number) => (Number.isFinite(ms) ? String(Number(ms.toPrecision(2))) : '?');

function Progress({
  phase,
  percent,
  size,
}: {
  phase: Phase;
  percent: number | undefined;
  size: number;
}) {
  if (phase.kind === 'generating')
    return (
      <div className="pg-progress" data-testid="seeding-progress">
        <progress max={100} value={percent} aria-label={`Building ${n(size)} users`} />
        <span>
          Building {n(size)} users: {percent === undefined ? 'starting…' : `${percent}%`}, aside, in
          slices: the page keeps running.
        </span>
      </div>
    );
  if (phase.kind === 'measuring')
    return (
      <p className="pg-muted" aria-live="polite">
        Measuring: round {(phase.round ?? 0) + 1} of {ROUNDS}…
      </p>
    );
  if (phase.kind === 'restoring') return <p className="pg-muted">Putting your data back…</p>;
  return null;
}
