import { PROBLEM_TYPES, type ProblemSlug } from '../../api/problems.ts';

/** The catalog slug behind a problem's `type` ("/problems/not-found" → "not-found"), if known. */
export function problemSlug(type: unknown): ProblemSlug | undefined {
  if (typeof type !== 'string') return undefined;
  const match = /^\/problems\/([a-z0-9-]+)$/.exec(type);
  const slug = match?.[1];
  return slug !== undefined && Object.hasOwn(PROBLEM_TYPES, slug)
    ? (slug as ProblemSlug)
    : undefined;
}
