import { useId } from 'react';
import { act, resetDemo, session, useDriftStore } from './drift-store.ts';

const ROW_CHOICES = [12, 20, 30, 45, 60];
const LIMIT_CHOICES = [3, 4, 5, 8, 10];

/** The demo's setup (rows, page size, seed) and the walk itself: reset, step, to the end. */
export function DriftControls() {
  const { config, busy, auto } = useDriftStore();
  const setConfig = useDriftStore((state) => state.setConfig);
  const ids = { rows: useId(), limit: useId(), seed: useId() };
  const started = session.tallies.length > 0;

  return (
    <div className="pg-toolbar" role="group" aria-label="Walk">
      <label htmlFor={ids.rows}>Rows</label>
      <select
        id={ids.rows}
        value={config.rows}
        onChange={(event) => setConfig({ rows: Number(event.target.value) })}
      >
        {ROW_CHOICES.map((rows) => (
          <option key={rows}>{rows}</option>
        ))}
      </select>
      <label htmlFor={ids.limit}>Page size</label>
      <select
        id={ids.limit}
        value={config.limit}
        onChange={(event) => setConfig({ limit: Number(event.target.value) })}
      >
        {LIMIT_CHOICES.map((limit) => (
          <option key={limit}>{limit}</option>
        ))}
      </select>
      <label htmlFor={ids.seed} className="presenter-hide">
        Seed
      </label>
      <input
        id={ids.seed}
        className="presenter-hide pg-seed"
        inputMode="numeric"
        value={config.seed}
        onChange={(event) =>
          setConfig({ seed: Number(event.target.value.replace(/\D/g, '')) || 0 })
        }
      />
      <button
        type="button"
        onClick={() => void act(() => resetDemo(config))}
        disabled={busy || auto}
      >
        ↺ Reset demo
      </button>
      <span className="pg-sep" aria-hidden="true" />
      <button
        type="button"
        className="primary"
        onClick={() =>
          void act(() => (started ? session.step() : resetDemo(config).then(() => session.step())))
        }
        disabled={busy || auto || session.allDone}
      >
        Step ▸
      </button>
      <button
        type="button"
        onClick={() => void act(() => session.finish())}
        disabled={busy || auto || !started || session.allDone}
      >
        Walk to end
      </button>
    </div>
  );
}
