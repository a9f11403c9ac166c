import { Link } from 'wouter';
import { PROBLEM_TYPES, type ProblemSlug } from '../../api/problems.ts';
import { cite } from '../../api/standards.ts';
import { StatusBadge } from '../shared/status-badge.tsx';
import { PROBLEM_EXAMPLES } from './examples.ts';
import { ExampleRunner } from './example-runner.tsx';
import { RichText } from './rich-text.tsx';
import './problems.css';

const RFC_9457 = cite('RFC 9457');

/** The page behind a problem's `type` URI: what it means, when it happens, the standard, an example. */
export default function ProblemPage({ slug }: { slug: string }) {
  if (!Object.hasOwn(PROBLEM_TYPES, slug)) return <UnknownProblem slug={slug} />;
  const known = slug as ProblemSlug;
  const type = PROBLEM_TYPES[known];
  const example = PROBLEM_EXAMPLES[known];

  return (
    <article className="lab problem-page" aria-labelledby="problem-title">
      <nav aria-label="Breadcrumb" className="problem-crumbs">
        <Link href="/problems">Problem types</Link> / <code>{type.slug}</code>
      </nav>
      <h1 id="problem-title">{type.title}</h1>
      <p className="problem-status">
        <StatusBadge status={type.status} /> <span className="problem-type">type</span>{' '}
        <code>/problems/{type.slug}</code>
      </p>
      {example.kind === 'requests' ? (
        <ExampleRunner slug={known} steps={example.steps} after={example.after}>
          <ProblemText slug={known} />
        </ExampleRunner>
      ) : (
        <div className="workbench problem-workbench">
          <div className="workbench-controls">
            <ProblemText slug={known} />
          </div>
          <section className="workbench-result" aria-labelledby="problem-example-title">
            <h2 id="problem-example-title">Example</h2>
            <p>{example.note}</p>
            <pre className="code-block">{JSON.stringify(example.body, null, 2)}</pre>
          </section>
        </div>
      )}
    </article>
  );
}

/** What the problem means, when this API returns it, and its standard. */
function ProblemText({ slug }: { slug: ProblemSlug }) {
  const type = PROBLEM_TYPES[slug];
  return (
    <>
      <h2>What it means</h2>
      <p>
        <RichText text={type.meaning} />
      </p>
      <h2>When this API returns it</h2>
      <p>
        <RichText text={type.when} />
      </p>
      <h2>Standard</h2>
      <p>
        <a href={type.standard.href} target="_blank" rel="noreferrer">
          {type.standard.cite}
        </a>{' '}
        defines the status; the body&apos;s format is{' '}
        <a href={RFC_9457.href} target="_blank" rel="noreferrer">
          {RFC_9457.cite}
        </a>{' '}
        (problem details).
      </p>
    </>
  );
}

function UnknownProblem({ slug }: { slug: string }) {
  return (
    <article className="lab problem-page" aria-labelledby="problem-title">
      <h1 id="problem-title">Unknown problem type</h1>
      <p>
        This API defines no problem type <code>{slug}</code>, so nothing it sends points here.
      </p>
      <p>
        <Link href="/problems">See every problem type</Link>
      </p>
    </article>
  );
}
