import { Link } from 'wouter';
import { PROBLEM_TYPES } from '../../api/problems.ts';
import { cite } from '../../api/standards.ts';
import { StatusBadge } from '../shared/status-badge.tsx';
import { RichText } from './rich-text.tsx';
import './problems.css';

const RFC_9457 = cite('RFC 9457');

/** Every problem type the API returns, each linking to its page. */
export default function ProblemsIndex() {
  const types = Object.values(PROBLEM_TYPES).sort((a, b) => a.status - b.status);
  return (
    <article className="lab problems" aria-labelledby="problems-title">
      <header className="lab-intro">
        <h1 id="problems-title">Problem types</h1>
        <p>
          Every error this API sends is an <code>application/problem+json</code> body (
          <a href={RFC_9457.href} target="_blank" rel="noreferrer">
            {RFC_9457.cite}
          </a>
          ). Its <code>type</code> is a relative URI such as <code>/problems/not-found</code>: the
          page at that address, here, explains the problem, shows a request that causes it, and lets
          you send that request.
        </p>
      </header>
      <table className="data-table problems-table">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Problem</th>
            <th scope="col">type</th>
            <th scope="col">What it means</th>
          </tr>
        </thead>
        <tbody>
          {types.map((type) => (
            <tr key={type.slug}>
              <td>
                <StatusBadge status={type.status} compact />
              </td>
              <td>
                <Link href={`/problems/${type.slug}`}>{type.title}</Link>
              </td>
              <td>
                <code>/problems/{type.slug}</code>
              </td>
              <td>
                <RichText text={type.meaning} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
