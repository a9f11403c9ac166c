/* eslint-disable no-restricted-globals -- formats given instants for the trace; the wall clock is never read here */
import { parseHttpDate } from './http-date.ts';
import {
  parseTagCondition,
  strongMatch,
  weakMatch,
  type EntityTag,
  formatEntityTag,
} from './entity-tags.ts';

/** The selected representation's validators; undefined when there is none (no such resource). */
export interface Validators {
  etag: EntityTag;
  /** Epoch ms, whole seconds; absent for list pages. */
  lastModifiedMs?: number;
}

export type Outcome = 'proceed' | 'not-modified' | 'precondition-failed';

/** One step of the evaluation, as the lab's trace shows it. */
export interface TraceStep {
  header: 'If-Match' | 'If-Unmodified-Since' | 'If-None-Match' | 'If-Modified-Since';
  value: string;
  /** Why the step was looked at or skipped, and what it compared. */
  detail: string;
  comparison?: 'strong' | 'weak' | 'date';
  /** True when the condition held (the request may go on past this step). */
  held?: boolean;
  section: string;
}

export interface Evaluation {
  outcome: Outcome;
  /** The step that decided, when one did. */
  decidedBy?: TraceStep;
  trace: TraceStep[];
}

export interface ConditionalHeaders {
  ifMatch: string | null;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  ifUnmodifiedSince: string | null;
}

export const readConditionalHeaders = (headers: Headers): ConditionalHeaders => ({
  ifMatch: headers.get('If-Match'),
  ifNoneMatch: headers.get('If-None-Match'),
  ifModifiedSince: headers.get('If-Modified-Since'),
  ifUnmodifiedSince: headers.get('If-Unmodified-Since'),
});

const seconds = (ms: number) => Math.floor(ms / 1000);
const describeTags = (tags: EntityTag[]) => tags.map(formatEntityTag).join(', ');

/**
 * The preconditions of RFC 9110 §13.2.2, in its order, for a representation that exists:
 *   1. If-Match (strong comparison; `*` = exists) false → 412;
 *   2. else If-Unmodified-Since (a valid date) and modified after it → 412;
 *   3. If-None-Match (weak comparison; `*` = exists) true → 304 for GET/HEAD, 412 otherwise;
 *   4. else for GET/HEAD, If-Modified-Since (a valid date) and not modified since → 304;
 *   5. proceed.
 * Dates compare in whole seconds; a malformed date is ignored (§13.1.3, §13.1.4); a malformed
 * tag list matches nothing. A pure function: the lab's trace and the API's answer are one.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-13.2.2
 */
export function evaluatePreconditions(
  method: string,
  headers: ConditionalHeaders,
  current: Validators,
  nowMs: number,
): Evaluation {
  const trace: TraceStep[] = [];
  const safe = method === 'GET' || method === 'HEAD';
  const decide = (outcome: Outcome, step: TraceStep): Evaluation => ({
    outcome,
    decidedBy: step,
    trace,
  });
  const tag = formatEntityTag(current.etag);

  if (headers.ifMatch !== null) {
    const condition = parseTagCondition(headers.ifMatch);
    const held =
      condition.kind === 'any' ||
      (condition.kind === 'tags' && condition.tags.some((sent) => strongMatch(sent, current.etag)));
    const step: TraceStep = {
      header: 'If-Match',
      value: headers.ifMatch,
      comparison: 'strong',
      held,
      section: 'RFC 9110 §13.1.1',
      detail:
        condition.kind === 'any'
          ? 'If-Match: * holds: the resource exists'
          : condition.kind === 'malformed'
            ? 'If-Match is malformed: it matches nothing'
            : `strong comparison of ${describeTags(condition.tags)} with the current ${tag}: ${held ? 'a match' : 'no match'}`,
    };
    trace.push(step);
    if (!held) return decide('precondition-failed', step);
  } else if (headers.ifUnmodifiedSince !== null) {
    const date = parseHttpDate(headers.ifUnmodifiedSince, nowMs);
    const modified = current.lastModifiedMs;
    if (date === undefined || modified === undefined) {
      trace.push({
        header: 'If-Unmodified-Since',
        value: headers.ifUnmodifiedSince,
        section: 'RFC 9110 §13.1.4',
        detail:
          date === undefined
            ? 'not a valid HTTP-date: ignored'
            : 'no Last-Modified to compare: ignored',
      });
    } else {
      const held = seconds(modified) <= seconds(date);
      const step: TraceStep = {
        header: 'If-Unmodified-Since',
        value: headers.ifUnmodifiedSince,
        comparison: 'date',
        held,
        section: 'RFC 9110 §13.1.4',
        detail: `last modified ${new Date(modified).toUTCString()} ${held ? 'is not after' : 'is after'} the date sent`,
      };
      trace.push(step);
      if (!held) return decide('precondition-failed', step);
    }
  }

  if (headers.ifNoneMatch !== null) {
    const condition = parseTagCondition(headers.ifNoneMatch);
    const matched =
      condition.kind === 'any' ||
      (condition.kind === 'tags' && condition.tags.some((sent) => weakMatch(sent, current.etag)));
    const step: TraceStep = {
      header: 'If-None-Match',
      value: headers.ifNoneMatch,
      comparison: 'weak',
      held: !matched,
      section: 'RFC 9110 §13.1.2',
      detail:
        condition.kind === 'any'
          ? 'If-None-Match: * fails: the resource exists'
          : condition.kind === 'malformed'
            ? 'If-None-Match is malformed: it matches nothing'
            : `weak comparison of ${describeTags(condition.tags)} with the current ${tag}: ${matched ? 'a match' : 'no match'}`,
    };
    trace.push(step);
    if (matched) return decide(safe ? 'not-modified' : 'precondition-failed', step);
  } else if (safe && headers.ifModifiedSince !== null) {
    const date = parseHttpDate(headers.ifModifiedSince, nowMs);
    const modified = current.lastModifiedMs;
    if (date === undefined || modified === undefined) {
      trace.push({
        header: 'If-Modified-Since',
        value: headers.ifModifiedSince,
        section: 'RFC 9110 §13.1.3',
        detail:
          date === undefined
            ? 'not a valid HTTP-date: ignored'
            : 'no Last-Modified to compare: ignored',
      });
    } else {
      const modifiedSince = seconds(modified) > seconds(date);
      const step: TraceStep = {
        header: 'If-Modified-Since',
        value: headers.ifModifiedSince,
        comparison: 'date',
        held: modifiedSince,
        section: 'RFC 9110 §13.1.3',
        detail: `last modified ${new Date(modified).toUTCString()} ${modifiedSince ? 'is after' : 'is not after'} the date sent`,
      };
      trace.push(step);
      if (!modifiedSince) return decide('not-modified', step);
    }
  }
  return { outcome: 'proceed', trace };
}

/** Whether the request carries any precondition at all. */
export const hasPreconditions = (headers: ConditionalHeaders) =>
  headers.ifMatch !== null ||
  headers.ifNoneMatch !== null ||
  headers.ifModifiedSince !== null ||
  headers.ifUnmodifiedSince !== null;
