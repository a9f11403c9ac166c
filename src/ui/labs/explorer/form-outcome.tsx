import { Link } from 'wouter';
import { reasonPhrase } from '../../shared/http.ts';
import { ProblemBox } from '../../shared/problem-box.tsx';
import { problemSlug } from '../../shared/problem-slug.ts';
import { StatusBadge } from '../../shared/status-badge.tsx';
import type { FormErrors } from './form-errors.ts';
import type { FieldSpec } from './resources.ts';

/** "Email must be an email address…"; on a 409, with the status and the conflicting row. */
export function fieldMessage(field: FieldSpec, errors: FormErrors): string | undefined {
  const detail = errors.fields[field.name];
  if (detail === undefined) return undefined;
  const text = `${field.label} ${detail}`;
  if (errors.problem?.status !== 409) return text;
  if (errors.problem.type === '/problems/insufficient-stock')
    return `409 insufficient stock: ${text} (${String(errors.problem.available)} available).`;
  const id = errors.conflictingId;
  const withId = id && !detail.includes(id) ? `${text} (${id})` : text;
  return `409 ${reasonPhrase(409)}: ${withId}.`;
}

export function successText(status: number | undefined, headers: [string, string][] | undefined) {
  if (status === undefined) return undefined;
  const location = headers?.find(([name]) => name.toLowerCase() === 'location')?.[1];
  return location
    ? `${status} ${reasonPhrase(status)} · Location: ${location}`
    : `${status} ${reasonPhrase(status)}: saved`;
}

/** What came back: a success line, a pointer to the marked fields, or a problem box. */
export function Outcome({ errors, success }: { errors: FormErrors; success: string | undefined }) {
  if (errors.message) {
    return (
      <p className="problem-box" role="alert">
        The request failed before an answer came back: {errors.message}
      </p>
    );
  }
  const problem = errors.problem;
  if (!problem) {
    return success ? (
      <p className="explorer-success" role="status">
        {success}
      </p>
    ) : null;
  }
  const unshown = (problem.errors ?? []).some(
    (error) => !('pointer' in error && errors.shownPointers.includes(error.pointer)),
  );
  if (errors.shownPointers.length === 0 || unshown)
    return <ProblemBox problem={problem} shownPointers={errors.shownPointers} />;
  const slug = problemSlug(problem.type);
  return (
    <p className="explorer-refused" role="alert">
      <StatusBadge status={problem.status} />: the server refused this; see the marked{' '}
      {errors.shownPointers.length === 1 ? 'field' : 'fields'}.{' '}
      {slug && <Link href={`/problems/${slug}`}>About “{problem.title}”</Link>}
    </p>
  );
}
