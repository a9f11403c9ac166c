import { Link } from 'wouter';
import { LABS } from './labs.ts';

export function HomePage() {
  return (
    <article className="home">
      <h1>A REST API, running in this page</h1>
      <p>
        Every request below goes through a service worker to a complete HTTP API: real status codes,
        headers and problem details, with the rule behind each answer shown in the request log.
        Reset brings the data back to its seed; the virtual clock drives every time-based rule.
      </p>
      <ul className="lab-cards">
        {LABS.map((lab) => (
          <li key={lab.id}>
            <Link href={lab.path}>
              <strong>{lab.title}</strong>
              <span>{lab.summary}</span>
            </Link>
          </li>
        ))}
        <li>
          <Link href="/problems">
            <strong>Problems</strong>
            <span>
              Every problem type the API returns (RFC 9457), with a request that produces it.
            </span>
          </Link>
        </li>
      </ul>
    </article>
  );
}
