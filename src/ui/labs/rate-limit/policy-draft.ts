import type { RateLimitSettings } from '../../../api/middleware/rate-limit/policy.ts';
import { ALGORITHMS } from '../../../api/middleware/rate-limit/registry.ts';

/** The policy form as typed: strings, so a half-typed number is kept as the user left it. */
export interface PolicyDraft {
  enabled: boolean;
  algorithm: RateLimitSettings['algorithm'];
  quota: string;
  windowSeconds: string;
  burst: string;
  headers: RateLimitSettings['headers'];
}

export const toDraft = (s: RateLimitSettings): PolicyDraft => ({
  enabled: s.enabled,
  algorithm: s.algorithm,
  quota: String(s.quota),
  windowSeconds: String(s.window_ms / 1000),
  burst: s.burst === null ? '' : String(s.burst),
  headers: s.headers,
});

/** The merge patch the draft asks for (the API validates it, and answers 422 naming fields). */
export const fromDraft = (draft: PolicyDraft): Partial<RateLimitSettings> => ({
  enabled: draft.enabled,
  algorithm: draft.algorithm,
  quota: Number(draft.quota),
  window_ms: Math.round(Number(draft.windowSeconds) * 1000),
  burst: draft.burst.trim() ? Number(draft.burst) : null,
  headers: draft.headers,
});

export interface PendingChange {
  field: keyof PolicyDraft;
  label: string;
  draft: string;
  applied: string;
}

const LABELS: Record<keyof PolicyDraft, string> = {
  enabled: 'Limiter',
  algorithm: 'Algorithm',
  quota: 'Quota',
  windowSeconds: 'Window',
  burst: 'Burst',
  headers: 'Headers',
};

function shown(field: keyof PolicyDraft, draft: PolicyDraft): string {
  switch (field) {
    case 'enabled':
      return draft.enabled ? 'on' : 'off';
    case 'algorithm':
      return ALGORITHMS[draft.algorithm].name;
    case 'windowSeconds':
      return `${draft.windowSeconds} s`;
    case 'burst':
      return draft.burst.trim() || '= quota';
    default:
      return String(draft[field]);
  }
}

/**
 * What the form says that the limiter does not do yet: each field whose draft differs from the
 * applied settings, with both values, so the form can say "not applied" instead of pretending.
 */
export function pendingChanges(
  draft: PolicyDraft | undefined,
  settings: RateLimitSettings,
): PendingChange[] {
  if (!draft) return [];
  const applied = toDraft(settings);
  return (Object.keys(LABELS) as (keyof PolicyDraft)[])
    .filter((field) => String(draft[field]).trim() !== String(applied[field]).trim())
    .map((field) => ({
      field,
      label: LABELS[field],
      draft: shown(field, draft),
      applied: shown(field, applied),
    }));
}
