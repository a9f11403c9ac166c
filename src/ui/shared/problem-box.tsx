import { Link } from 'wouter';
import type { FieldError, ProblemBody } from '../../api/problems.ts';
import { problemSlug } from './problem-slug.ts';
import { StatusBadge } from './status-badge.tsx';

interface ProblemBoxProps {
  problem: ProblemBody;
  /** Field errors already shown beside their fields; the box lists only the rest. */
  shownPointers?: readonly string[];
  headingLevel?: 2 | 3;
}

/** An RFC 9457 problem, readable: title, status, detail, the errors no field shows, and its page. */
export function ProblemBox({ problem, shownPointers = [], headingLevel = 3 }: ProblemBoxProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const slug = problemSlug(problem.type);
  const rest = (problem.errors ?? []).filter(
    (error) => !('pointer' in error && shownPointers.includes(error.pointer)),
  );
  return (
    <div className="problem-box" role="alert">
      <Heading>
        <StatusBadge status={problem.status} /> {problem.title}
      </Heading>
      <p>{problem.detail}</p>
      {rest.length > 0 && (
        <ul className="problem-errors">
          {rest.map((error, index) => (
            <li key={index}>
              <code>{errorLocation(error)}</code> {error.detail}
            </li>
          ))}
        </ul>
      )}
      {slug && (
        <p>
          <Link href={`/problems/${slug}`}>What “{problem.title}” means and when it happens</Link>
        </p>
      )}
    </div>
  );
}

function errorLocation(error: FieldError): string {
  if ('pointer' in error) return error.pointer;
  if ('parameter' in error) return `?${error.parameter}`;
  return `${error.header}:`;
}
