import { lazy, Suspense } from 'react';
import type { Lab } from './labs.ts';

const QueryProvider = lazy(() => import('../shared/query-provider.tsx'));

/** A lab's page: its title, what it teaches, the standards behind it, then the lab itself. */
export function LabPage({ lab }: { lab: Lab }) {
  return (
    <article className="lab" aria-labelledby={`lab-${lab.id}-title`}>
      <header className="lab-intro">
        <h1 id={`lab-${lab.id}-title`}>{lab.title}</h1>
        <p>
          {lab.intro}{' '}
          <span className="standards">
            Standards:{' '}
            {lab.standards.map((standard, index) => (
              <span key={standard.href}>
                {index > 0 && ', '}
                <a href={standard.href} target="_blank" rel="noreferrer">
                  {standard.cite}
                </a>
              </span>
            ))}
          </span>
        </p>
      </header>
      <Suspense fallback={<p className="loading">Loading the lab…</p>}>
        <QueryProvider>
          <lab.Component />
        </QueryProvider>
      </Suspense>
    </article>
  );
}
