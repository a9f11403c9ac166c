import { useState, type FormEvent } from 'react';
import {
  ALGORITHM_IDS,
  HEADER_STYLES,
  type RateLimitSettings,
} from '../../../api/middleware/rate-limit/policy.ts';
import { ALGORITHMS } from '../../../api/middleware/rate-limit/registry.ts';
import { ALGORITHM_NOTES, BUCKETS } from './algorithm-notes.ts';
import { useLabStore } from './lab-store.ts';
import { fromDraft, pendingChanges, toDraft, type PolicyDraft } from './policy-draft.ts';
import { patchRateLimit } from './settings-api.ts';

/** The policy, read from and written to /__admin/settings (rate_limit section). */
export function PolicyPanel() {
  const settings = useLabStore((state) => state.settings);
  if (!settings) return <section className="card rl-card">Loading the policy…</section>;
  return <PolicyForm settings={settings} />;
}

/**
 * The form edits a draft kept in the lab's store (so sending traffic can apply it first); new
 * settings from anywhere (Apply, a scenario, the problem page's example) start it afresh.
 */
function PolicyForm({ settings }: { settings: RateLimitSettings }) {
  const stored = useLabStore((state) => state.draft);
  const errors = useLabStore((state) => state.policyErrors);
  const [saving, setSaving] = useState(false);
  const draft = stored ?? toDraft(settings);
  const pending = pendingChanges(stored, settings);

  const update = (patch: Partial<PolicyDraft>) => {
    const next = { ...draft, ...patch };
    // Back to what is applied: nothing is pending any more.
    const changed = pendingChanges(next, settings).length > 0;
    useLabStore.setState({ draft: changed ? next : undefined });
  };
  const isBucket = BUCKETS.includes(draft.algorithm);

  async function save(patch: Partial<RateLimitSettings> | null) {
    setSaving(true);
    const failed = await patchRateLimit(patch);
    if (failed) useLabStore.setState({ policyErrors: failed });
    setSaving(false);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    void save(fromDraft(draft));
  }
  const error = (key: string) =>
    errors[key] && (
      <span className="field-error" id={`rl-error-${key || 'form'}`}>
        {errors[key]}
      </span>
    );
  // The input names its error for screen readers, as aria-invalid marks it.
  const invalid = (key: string) => ({
    'aria-invalid': !!errors[key],
    'aria-describedby': errors[key] ? `rl-error-${key}` : undefined,
  });

  return (
    // noValidate: the API validates (and answers 422 naming the field), not the browser.
    <form
      className="card rl-card rl-policy"
      noValidate
      onSubmit={submit}
      aria-labelledby="rl-policy-title"
    >
      <h2 id="rl-policy-title">Policy</h2>
      <label className="rl-field rl-wide">
        <span>Algorithm</span>
        <select
          value={draft.algorithm}
          onChange={(e) => update({ algorithm: e.target.value as PolicyDraft['algorithm'] })}
        >
          {ALGORITHM_IDS.map((id) => (
            <option key={id} value={id}>
              {ALGORITHMS[id].name}
            </option>
          ))}
        </select>
      </label>
      <p className="rl-note">
        {ALGORITHM_NOTES[draft.algorithm]}{' '}
        <a href={ALGORITHMS[draft.algorithm].reference.href} target="_blank" rel="noreferrer">
          Definition
        </a>
      </p>
      <div className="rl-row">
        <label className="rl-field">
          <span>Quota</span>
          <input
            type="number"
            min={1}
            value={draft.quota}
            onChange={(e) => update({ quota: e.target.value })}
            {...invalid('quota')}
          />
          {error('quota')}
        </label>
        <label className="rl-field">
          <span>per window (s)</span>
          <input
            type="number"
            min={1}
            value={draft.windowSeconds}
            onChange={(e) => update({ windowSeconds: e.target.value })}
            {...invalid('window_ms')}
          />
          {error('window_ms')}
        </label>
        <label className="rl-field">
          <span>Burst</span>
          <input
            type="number"
            min={1}
            placeholder={`= quota`}
            value={draft.burst}
            disabled={!isBucket}
            title={
              isBucket
                ? 'Bucket capacity; empty means the quota'
                : 'Only the bucket algorithms have a capacity'
            }
            onChange={(e) => update({ burst: e.target.value })}
            {...invalid('burst')}
          />
          {error('burst')}
        </label>
      </div>
      <div className="rl-row">
        <label className="rl-field">
          <span>Headers</span>
          <select
            value={draft.headers}
            onChange={(e) => update({ headers: e.target.value as PolicyDraft['headers'] })}
          >
            {HEADER_STYLES.map((style) => (
              <option key={style} value={style}>
                {style === 'ietf'
                  ? 'IETF RateLimit'
                  : style === 'legacy'
                    ? 'X-RateLimit-*'
                    : 'both'}
              </option>
            ))}
          </select>
        </label>
        <label className="rl-check">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(e) => update({ enabled: e.target.checked })}
          />
          Limiter on
        </label>
      </div>
      {error('')}
      {pending.length > 0 && (
        <div className="rl-pending" role="status" data-testid="policy-pending">
          <strong>Not applied yet.</strong>{' '}
          {pending.map((change, index) => (
            <span key={change.field}>
              {index > 0 && ', '}
              {change.label}: <mark>{change.draft}</mark> (the limiter still has {change.applied})
            </span>
          ))}
          . Apply, or send traffic: it applies the change first.
        </div>
      )}
      <div className="rl-actions">
        <button
          type="submit"
          className={pending.length > 0 ? 'primary rl-apply-pending' : 'primary'}
          disabled={saving}
        >
          Apply
        </button>
        {pending.length > 0 && (
          <button
            type="button"
            disabled={saving}
            onClick={() => useLabStore.setState({ draft: undefined, policyErrors: {} })}
          >
            Undo
          </button>
        )}
        <button type="button" disabled={saving} onClick={() => void save(null)}>
          Defaults
        </button>
      </div>
    </form>
  );
}
