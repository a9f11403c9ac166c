import { useEffect, useRef, useState } from 'react';
import { requestsReady } from '../shared/engine-gate.ts';
import type { ReferenceView } from './scalar-view.ts';
import { useDark } from './use-dark.ts';
import './reference.css';

/** Where the core serves its OpenAPI document, generated from the route table. */
export const OPENAPI_URL = '/api/openapi.json';

type Status = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; reason: string };

/**
 * The API reference: the core's own OpenAPI document, rendered by Scalar. The renderer's code
 * loads only here, after the document has arrived through the service worker.
 */
export default function ReferencePage() {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<ReferenceView | null>(null);
  const dark = useDark();
  // The theme as of now, for a renderer that finishes loading after a change.
  const darkNow = useRef(dark);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // Before the worker controls the page the request would reach the preview server.
      await requestsReady();
      const [document, { mountReference }] = await Promise.all([
        loadDocument(),
        import('./scalar-view.ts'),
      ]);
      // The user left the page while it loaded.
      if (cancelled || !host.current) return;
      view.current = mountReference(host.current, document, darkNow.current);
      setStatus({ kind: 'ready' });
    })().catch((error: unknown) => {
      if (!cancelled) setStatus({ kind: 'failed', reason: String(error) });
    });
    return () => {
      cancelled = true;
      view.current?.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    darkNow.current = dark;
    view.current?.setDark(dark);
  }, [dark]);

  return (
    <article className="reference-page" aria-labelledby="reference-title">
      <header className="reference-intro">
        <h1 id="reference-title">API reference</h1>
        <p className="presenter-hide">
          Every route, generated from the route table (<a href={OPENAPI_URL}>{OPENAPI_URL}</a>,
          OpenAPI 3.1). <strong>Test Request</strong> sends a real request: it appears in the log
          below.
        </p>
        {status.kind === 'loading' && <p className="loading">Loading the reference…</p>}
        {status.kind === 'failed' && (
          <p className="inline-error" role="alert">
            The reference could not load: {status.reason}
          </p>
        )}
      </header>
      <div ref={host} className="reference-host" data-testid="reference-host" />
    </article>
  );
}

async function loadDocument(): Promise<Record<string, unknown>> {
  const response = await fetch(OPENAPI_URL, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${OPENAPI_URL} answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}
