import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { onEngineEvent } from '../../bridge/engine-events.ts';
import { send } from '../../shared/http.ts';
import './faults-control.css';

interface FaultSettings {
  latency_ms: number;
  jitter_ms: number;
  error_rate: number;
  drop_rate: number;
  seed: number;
}

interface Queued {
  error: number;
  drop: number;
  delay: number[];
}

const FIELDS: { name: keyof FaultSettings; label: string; step: string; max: number }[] = [
  { name: 'latency_ms', label: 'Latency (ms)', step: '10', max: 60_000 },
  { name: 'jitter_ms', label: '± jitter (ms)', step: '10', max: 60_000 },
  { name: 'error_rate', label: '503 rate (0–1)', step: '0.05', max: 1 },
  { name: 'drop_rate', label: 'Drop rate (0–1)', step: '0.05', max: 1 },
  { name: 'seed', label: 'Seed', step: '1', max: 0xffffffff },
];

async function loadQueued(): Promise<Queued> {
  const next = await send<{ queued: Queued }>('/__admin/faults');
  return (next.body as { queued: Queued }).queued;
}

async function loadFaults(): Promise<{ faults: FaultSettings; queued: Queued }> {
  const settings = await send<{ faults: FaultSettings }>('/__admin/settings');
  const faults = (settings.body as { faults: FaultSettings }).faults;
  return { faults, queued: await loadQueued() };
}

/**
 * Fault injection for any lab (shared API.md §8): latency with seeded jitter, injected 503s and
 * answers dropped after the work is done, through PATCH /__admin/settings; and one-shot faults
 * for the very next request (POST /__admin/faults/next). Faulted requests are marked ⚡ in the log.
 */
export function FaultsControl() {
  const [draft, setDraft] = useState<Record<string, string>>();
  const [queued, setQueued] = useState<Queued>({ error: 0, drop: 0, delay: [] });
  const [message, setMessage] = useState<string>();

  const show = useCallback((state: { faults: FaultSettings; queued: Queued }) => {
    setDraft(Object.fromEntries(FIELDS.map(({ name }) => [name, String(state.faults[name])])));
    setQueued(state.queued);
  }, []);
  const refresh = useCallback(() => loadFaults().then(show), [show]);

  useEffect(() => {
    void loadFaults().then(show);
    // One-shot faults are used up by requests; the counts follow the journal.
    return onEngineEvent('journal', () => {
      void loadQueued().then(setQueued);
    });
  }, [show]);

  async function apply(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const faults = Object.fromEntries(FIELDS.map(({ name }) => [name, Number(draft[name])]));
    const reply = await send('/__admin/settings', { method: 'PATCH', json: { faults } });
    setMessage(
      reply.status === 200
        ? 'Applied: the seeded sequence starts again.'
        : `Refused: ${reply.problem?.errors?.map((error) => ('pointer' in error ? `${error.pointer} ${error.detail}` : error.detail)).join('; ') ?? reply.status}`,
    );
    await refresh();
  }

  async function off() {
    await send('/__admin/settings', {
      method: 'PATCH',
      json: { faults: { latency_ms: 0, jitter_ms: 0, error_rate: 0, drop_rate: 0 } },
    });
    setMessage('Faults off.');
    await refresh();
  }

  async function queue(kind: 'drop' | 'error' | 'delay') {
    await send('/__admin/faults/next', {
      method: 'POST',
      json: kind === 'delay' ? { kind, count: 1, ms: 1000 } : { kind, count: 1 },
    });
    await refresh();
  }

  return (
    <section className="card faults-control" aria-labelledby="faults-title">
      <h2 id="faults-title">Faults</h2>
      <p className="faults-note">
        For every request under <code>/api/v1</code>: a 503 on arrival, latency while it is in
        flight, or its answer dropped after the work is done. Every choice comes from the seed.
      </p>
      {draft && (
        <form className="faults-form" onSubmit={apply}>
          {FIELDS.map(({ name, label, step, max }) => (
            <label key={name}>
              <span>{label}</span>
              <input
                type="number"
                min="0"
                max={max}
                step={step}
                value={draft[name] ?? ''}
                onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
              />
            </label>
          ))}
          <div className="faults-actions">
            <button type="submit" className="primary">
              Apply
            </button>
            <button type="button" onClick={() => void off()}>
              All off
            </button>
          </div>
        </form>
      )}
      <div className="faults-actions" role="group" aria-label="One-shot faults">
        <span>Next request:</span>
        <button type="button" onClick={() => void queue('drop')}>
          Drop its answer
        </button>
        <button type="button" onClick={() => void queue('error')}>
          503
        </button>
        <button type="button" onClick={() => void queue('delay')}>
          Delay 1 s
        </button>
      </div>
      <p className="faults-note" data-testid="faults-queued">
        Queued: {queued.drop} drop · {queued.error} error · {queued.delay.length} delay
      </p>
      {message && (
        <p className="faults-note" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
