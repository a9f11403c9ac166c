import { useId } from 'react';
import type { DeleteTarget } from '../../../../scenarios/pagination/mutator.ts';
import { act, session, useDriftStore, type AutoRates } from './drift-store.ts';

const SPEEDS = [
  { ms: 1500, label: 'slow' },
  { ms: 700, label: 'normal' },
  { ms: 250, label: 'fast' },
];

/** The mutator: by button, or at a chosen rate per virtual second while auto-walking. */
export function MutatorBar() {
  const { busy, auto, rates } = useDriftStore();
  const setRates = useDriftStore((state) => state.setRates);
  const setAuto = useDriftStore((state) => state.setAuto);
  const started = session.tallies.length > 0;
  const disabled = busy || auto || !started;
  const remove = (target: DeleteTarget) => () => void act(() => session.delete(target));
  const ids = { inserts: useId(), deletes: useId(), target: useId(), speed: useId() };
  const number = (key: 'inserts' | 'deletes') => (event: { target: { value: string } }) =>
    setRates({ [key]: Number(event.target.value) } as Partial<AutoRates>);

  return (
    <div className="pg-toolbar" role="group" aria-label="Change the data">
      <button type="button" onClick={() => void act(() => session.insert(1))} disabled={disabled}>
        + Insert at head
      </button>
      <button
        type="button"
        onClick={remove('seen')}
        disabled={disabled}
        title="Delete a row a walker has returned"
      >
        ✕ Delete seen
      </button>
      <button
        type="button"
        onClick={remove('unseen')}
        disabled={disabled}
        title="Delete a row no walker has returned yet"
      >
        ✕ Delete unseen
      </button>
      <button
        type="button"
        onClick={remove('boundary')}
        disabled={disabled}
        title="Delete the row the cursors point at"
      >
        ✕ Delete boundary
      </button>
      <span className="pg-sep" aria-hidden="true" />
      <span className="pg-rate">
        <button
          type="button"
          aria-pressed={auto}
          onClick={() => setAuto(!auto)}
          disabled={!auto && (busy || session.allDone)}
          title="Each virtual second: the mutator acts at these rates, then every walker reads a page"
        >
          {auto ? '■ Stop' : '▶ Auto-walk'}
        </button>
        <label htmlFor={ids.inserts} title="Rows inserted at the head each virtual second">
          Inserts
        </label>
        <select id={ids.inserts} value={rates.inserts} onChange={number('inserts')}>
          {[0, 1, 2, 3].map((n) => (
            <option key={n} value={n}>
              +{n}/s
            </option>
          ))}
        </select>
        <label htmlFor={ids.deletes} title="Rows deleted each virtual second">
          Deletes
        </label>
        <select id={ids.deletes} value={rates.deletes} onChange={number('deletes')}>
          {[0, 1, 2].map((n) => (
            <option key={n} value={n}>
              −{n}/s
            </option>
          ))}
        </select>
        <label htmlFor={ids.target} title="Which rows the mutator deletes">
          Delete
        </label>
        <select
          id={ids.target}
          value={rates.target}
          onChange={(event) => setRates({ target: event.target.value as AutoRates['target'] })}
        >
          <option value="mixed">any row</option>
          <option value="seen">seen</option>
          <option value="unseen">unseen</option>
          <option value="boundary">boundary</option>
        </select>
        <label
          htmlFor={ids.speed}
          className="presenter-hide"
          title="Real time per virtual second: the pace only, never the outcome"
        >
          Pace
        </label>
        <select
          id={ids.speed}
          className="presenter-hide"
          value={rates.intervalMs}
          onChange={(event) => setRates({ intervalMs: Number(event.target.value) })}
        >
          {SPEEDS.map((speed) => (
            <option key={speed.ms} value={speed.ms}>
              {speed.label}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
