import { useState } from 'react';

export type EngineStatus =
  | { kind: 'running' }
  | { kind: 'not-controlled' }
  | { kind: 'unsupported' }
  | { kind: 'failed'; message: string };

const EXAMPLES = [
  'GET /api/v1/users?limit=3',
  'GET /api/v1/products?limit=3&offset=3',
  'GET /api/v1/users/nope',
  'DELETE /api/v1/users',
] as const;

/** The landing page until the playground shell arrives: is the API running here, and a first request. */
export function Landing({ status }: { status: EngineStatus }) {
  return (
    <main className="landing">
      <header>
        <h1>restlab</h1>
        <p className="tagline">
          A complete REST API running in this page, inside a service worker.
        </p>
      </header>
      <StatusBanner status={status} />
      {status.kind === 'running' && <TryIt />}
    </main>
  );
}

function StatusBanner({ status }: { status: EngineStatus }) {
  switch (status.kind) {
    case 'running':
      return (
        <p className="status ok" role="status" data-testid="engine-status">
          ● API running: requests to <code>/api/v1</code> from this page are answered by the service
          worker.
        </p>
      );
    case 'not-controlled':
      return (
        <div className="status warn" role="alert" data-testid="engine-status">
          <strong>This page is not controlled by the service worker.</strong> A hard reload
          (Shift+Reload) bypasses service workers, so API requests would go to the network and fail.
          Reload the page normally to start the API.
        </div>
      );
    case 'unsupported':
      return (
        <div className="status warn" role="alert" data-testid="engine-status">
          <strong>This browser offers no service workers here.</strong> restlab needs them; open it
          over https or on localhost, outside private browsing.
        </div>
      );
    case 'failed':
      return (
        <div className="status warn" role="alert" data-testid="engine-status">
          <strong>The API could not start.</strong> {status.message}
        </div>
      );
  }
}

function TryIt() {
  const [result, setResult] = useState<
    { line: string; status: number; body: string } | undefined
  >();

  async function send(example: string) {
    const [method = 'GET', path = '/'] = example.split(' ');
    const response = await fetch(path, { method });
    const text = await response.text();
    let body = text;
    try {
      body = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not JSON (or empty): show it as it came.
    }
    setResult({ line: example, status: response.status, body });
  }

  return (
    <section aria-labelledby="try-heading">
      <h2 id="try-heading">Try a request</h2>
      <div className="examples">
        {EXAMPLES.map((example) => (
          <button key={example} type="button" onClick={() => void send(example)}>
            {example}
          </button>
        ))}
      </div>
      {result && (
        <figure className="result" data-testid="try-result">
          <figcaption>
            {result.line} → <strong>{result.status}</strong>
          </figcaption>
          <pre>{result.body}</pre>
        </figure>
      )}
      <p className="hint">
        Or from the browser console:{' '}
        <code>await (await fetch('/api/v1/users?limit=3')).json()</code>
      </p>
    </section>
  );
}
