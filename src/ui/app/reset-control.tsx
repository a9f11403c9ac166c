import { useState, type FormEvent } from 'react';
import { send } from '../shared/http.ts';
import { useEngineStore } from '../stores/engine-store.ts';

/** Reset: data back to the deterministic seed (POST /__admin/reset), with an optional new seed. */
export function ResetControl() {
  const seed = useEngineStore((state) => state.seed);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();

  async function reset(event: FormEvent) {
    event.preventDefault();
    const value = draft.trim();
    const body = value === '' ? {} : { seed: Number(value) };
    const result = await send('/__admin/reset', { method: 'POST', json: body });
    if (result.status === 204) {
      setDraft('');
      setError(undefined);
    } else {
      setError(
        result.problem?.errors?.[0]?.detail ?? result.problem?.detail ?? `HTTP ${result.status}`,
      );
    }
  }

  return (
    <form className="reset" onSubmit={(event) => void reset(event)} aria-label="Reset data">
      <label className="presenter-hide">
        <span className="visually-hidden">Seed</span>
        <input
          inputMode="numeric"
          size={6}
          placeholder={seed === undefined ? 'seed' : `seed ${seed}`}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'reset-error' : undefined}
        />
      </label>
      <button type="submit">↺ Reset</button>
      {error && (
        <span id="reset-error" role="alert" className="inline-error">
          seed {error}
        </span>
      )}
    </form>
  );
}
