import type { RateLimitSettings } from '../../../api/middleware/rate-limit/policy.ts';
import type { FieldError } from '../../../api/problems.ts';
import { send } from '../../shared/http.ts';
import { useLabStore } from './lab-store.ts';
import { fromDraft } from './policy-draft.ts';

interface SettingsBody {
  rate_limit: RateLimitSettings;
}

/** Reads the current policy into the lab's store. */
export async function loadSettings(): Promise<void> {
  const result = await send<SettingsBody>('/__admin/settings');
  if (result.status === 200 && typeof result.body === 'object' && result.body)
    useLabStore.getState().receiveSettings(result.body.rate_limit);
}

/**
 * PATCHes the rate_limit section (merge patch: null puts the defaults back). Answers the 422's
 * field errors keyed by setting name, or nothing when it worked.
 */
export async function patchRateLimit(
  patch: Partial<RateLimitSettings> | null,
): Promise<Record<string, string> | undefined> {
  const result = await send<SettingsBody>('/__admin/settings', {
    method: 'PATCH',
    json: { rate_limit: patch },
  });
  if (result.status === 200 && typeof result.body === 'object' && result.body) {
    useLabStore.getState().receiveSettings(result.body.rate_limit);
    return undefined;
  }
  const errors: Record<string, string> = {};
  for (const error of (result.problem?.errors ?? []) as FieldError[])
    if ('pointer' in error) errors[error.pointer.split('/').at(-1) ?? ''] = error.detail;
  if (Object.keys(errors).length === 0)
    errors[''] = result.problem?.detail ?? `HTTP ${result.status}`;
  return errors;
}

/**
 * Applies the policy form's unapplied edits, if any, and says whether the limiter now runs what
 * the form shows. Sending traffic calls it first: a teacher who picked Fixed window and pressed
 * Window edge means the window edge on a fixed window. A 422 keeps the edits and shows the errors.
 */
export async function applyDraft(): Promise<boolean> {
  const { draft } = useLabStore.getState();
  if (!draft) return true;
  const errors = await patchRateLimit(fromDraft(draft));
  if (!errors) return true;
  useLabStore.setState({ policyErrors: errors });
  return false;
}
