import { lazy, Suspense, useEffect, type CSSProperties } from 'react';
import { Route, Switch } from 'wouter';
import { useUiStore } from '../stores/ui-store.ts';
import { EngineBanner } from './engine-banner.tsx';
import { Header } from './header.tsx';
import { HomePage } from './home-page.tsx';
import { LabPage } from './lab-page.tsx';
import { LABS } from './labs.ts';
import { LogDock, useDockLayout } from './log-dock.tsx';

const ProblemsIndex = lazy(() => import('../problems/problems-index.tsx'));
const ProblemPage = lazy(() => import('../problems/problem-page.tsx'));
const ReferencePage = lazy(() => import('../reference/reference-page.tsx'));
// The OAuth consent step and the client's callback: pages a redirect lands on (decision 0013).
const ConsentScreen = lazy(() => import('../labs/oauth/consent-screen.tsx'));
const CallbackPage = lazy(() => import('../labs/oauth/callback-page.tsx'));

export function App() {
  useDocumentDisplayMode();
  const log = useDockLayout();
  const logWidth = useUiStore((state) => state.logWidth);
  return (
    // The workbench (docs/decisions/0008): the document never scrolls; the lab area does.
    <div
      className="shell"
      data-log={log}
      style={log === 'side' ? ({ '--log-width': `${logWidth}px` } as CSSProperties) : undefined}
    >
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <EngineBanner />
      <main id="main" className="lab-area" tabIndex={-1}>
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <Switch>
            <Route path="/" component={HomePage} />
            {LABS.map((lab) => (
              <Route key={lab.id} path={lab.path}>
                <LabPage lab={lab} />
              </Route>
            ))}
            <Route path="/problems" component={ProblemsIndex} />
            <Route path="/problems/:slug">{(params) => <ProblemPage slug={params.slug} />}</Route>
            <Route path="/reference" component={ReferencePage} />
            <Route path="/oauth/authorize" component={ConsentScreen} />
            <Route path="/oauth/callback" component={CallbackPage} />
            <Route>
              <article className="lab">
                <h1>Page not found</h1>
                <p>
                  No page lives at this address. The labs are listed at the top; the API itself is
                  under <code>/api/v1</code>.
                </p>
              </article>
            </Route>
          </Switch>
        </Suspense>
      </main>
      <LogDock />
    </div>
  );
}

/** Theme and presenter mode live on <html>, so every panel's CSS can follow them. */
function useDocumentDisplayMode() {
  const theme = useUiStore((state) => state.theme);
  const presenter = useUiStore((state) => state.presenter);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    root.dataset.presenter = String(presenter);
  }, [theme, presenter]);
}
