import { useState } from 'react';
import type { PlayMode } from '../../../scenarios/rate-limit/play-trace.ts';
import type { TraceSpec } from '../../../scenarios/rate-limit/traces.ts';
import type { RateLimitSettings } from '../../../api/middleware/rate-limit/policy.ts';
import { ALGORITHMS } from '../../../api/middleware/rate-limit/registry.ts';
import { useLabStore } from './lab-store.ts';
import { pendingChanges } from './policy-draft.ts';
import { runTraffic, stopTraffic } from './run-traffic.ts';

const MODES: { mode: PlayMode; label: string; hint: string }[] = [
  {
    mode: 'fast-forward',
    label: 'Fast-forward',
    hint: 'The virtual clock is paused and stepped to each request’s moment: a minute of traffic in seconds, the same result every time',
  },
  {
    mode: 'real-time',
    label: 'Real time',
    hint: 'The clock runs and the requests go out on a real schedule, for a live demo',
  },
];

/** The traffic generator: real requests through the worker, with this lab's own X-Client-Id. */
export function TrafficPanel() {
  const mode = useLabStore((state) => state.mode);
  const setMode = useLabStore((state) => state.setMode);
  const run = useLabStore((state) => state.run);
  const settings = useLabStore((state) => state.settings);
  const draft = useLabStore((state) => state.draft);
  const pending = settings ? pendingChanges(draft, settings).length > 0 : false;
  // What the presets will run under: the form's policy, applied first when it is pending.
  const quota = Number(draft?.quota) || settings?.quota || 100;
  const enabled = draft?.enabled ?? settings?.enabled ?? false;
  const algorithm = ALGORITHMS[draft?.algorithm ?? settings?.algorithm ?? 'token_bucket'];
  const [burst, setBurst] = useState('150');
  const [rate, setRate] = useState('20');
  const [seconds, setSeconds] = useState('20');
  const [perSide, setPerSide] = useState('');
  const running = run?.state === 'running';
  const go = (spec: TraceSpec | ((settings: RateLimitSettings) => TraceSpec)) =>
    void runTraffic(spec);
  const count = (value: string, fallback: number) =>
    Math.max(1, Math.min(5000, Math.round(Number(value) || fallback)));

  return (
    <section className="card rl-card rl-traffic" aria-labelledby="rl-traffic-title">
      <h2 id="rl-traffic-title">Traffic</h2>
      <fieldset className="rl-modes">
        <legend className="visually-hidden">Timing</legend>
        {MODES.map((option) => (
          <label key={option.mode} title={option.hint}>
            <input
              type="radio"
              name="rl-mode"
              checked={mode === option.mode}
              onChange={() => setMode(option.mode)}
              disabled={running || !settings}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <p className="rl-note presenter-hide">
        {MODES.find((option) => option.mode === mode)?.hint}.
      </p>
      <div className="rl-presets">
        <button
          type="button"
          onClick={() => go({ kind: 'single' })}
          disabled={running || !settings}
        >
          One request
        </button>
        <span className="rl-preset">
          <button
            type="button"
            onClick={() => go({ kind: 'burst', count: count(burst, 150) })}
            disabled={running || !settings}
          >
            Burst of
          </button>
          <input
            aria-label="Burst size"
            type="number"
            min={1}
            max={5000}
            value={burst}
            onChange={(e) => setBurst(e.target.value)}
          />
        </span>
        <span className="rl-preset">
          <button
            type="button"
            onClick={() =>
              go({ kind: 'steady', perSecond: count(rate, 20), seconds: count(seconds, 60) })
            }
            disabled={running || !settings}
          >
            Steady
          </button>
          <input
            aria-label="Requests per second"
            type="number"
            min={1}
            value={rate}
            onChange={(e) => setRate(e.target.value)}
          />
          /s for
          <input
            aria-label="Seconds"
            type="number"
            min={1}
            value={seconds}
            onChange={(e) => setSeconds(e.target.value)}
          />
          s
        </span>
        <span className="rl-preset">
          <button
            type="button"
            onClick={() =>
              go((applied) => ({ kind: 'window-edge', perSide: count(perSide, applied.quota) }))
            }
            disabled={running || !settings}
          >
            Window edge
          </button>
          <input
            aria-label="Requests on each side of the edge"
            type="number"
            min={1}
            placeholder={String(quota)}
            value={perSide}
            onChange={(e) => setPerSide(e.target.value)}
          />
          each side
        </span>
      </div>
      <p className="rl-note rl-sends-with" data-testid="sends-with">
        Runs on <strong>{algorithm.name}</strong>
        {pending && <em> (the policy form&apos;s change, applied first)</em>}.
      </p>
      <p className="rl-note presenter-hide">
        Each preset sends <code>GET /api/v1/users?limit=1</code> as a new client (its own{' '}
        <code>X-Client-Id</code>), so it starts from a fresh bucket; <em>One request</em> adds to
        the current client. Every request shows in the request log.
      </p>
      <div className="rl-progress" aria-live="polite">
        {!enabled && (
          <p className="rl-warn">
            The limiter is off: every request is admitted and carries no rate-limit headers.
          </p>
        )}
        {run && (
          <p>
            {run.state === 'running'
              ? 'Sending'
              : run.state === 'done'
                ? 'Done'
                : run.state === 'stopped'
                  ? 'Stopped'
                  : 'Failed'}
            :{' '}
            <span data-testid="run-progress">
              {run.answered} of {run.total}
            </span>{' '}
            answered
            {run.error && <span className="inline-error"> {run.error}</span>}
          </p>
        )}
        {running && (
          <button type="button" className="danger" onClick={stopTraffic}>
            Stop
          </button>
        )}
      </div>
    </section>
  );
}
