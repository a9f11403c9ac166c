import { useState } from 'react';
import { send } from '../../shared/http.ts';
import { pageCache, useClientCacheStore } from '../../shared/client-cache/page-cache.ts';
import { advanceClock, enterSandbox, PAGE_PATH, productPath } from './lab-actions.ts';

/** The page's own cache, driven by hand: each button is a real request (or a hit) in the log. */
export function TryPanel() {
  const enabled = useClientCacheStore((state) => state.enabled);
  const setEnabled = useClientCacheStore((state) => state.setEnabled);
  const [last, setLast] = useState<string>();
  const [error, setError] = useState<string>();

  const act = (action: () => Promise<string>) => async () => {
    setError(undefined);
    try {
      setLast(await action());
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const get = (which: 'product' | 'page') =>
    act(async () => {
      const path = which === 'page' ? PAGE_PATH : await productPath();
      const result = await send(path);
      const how = {
        hit: 'a fresh hit: never sent',
        'stale-hit': 'stale, served while revalidating',
        revalidated: 'revalidated: 304, body reused',
        modified: 'revalidated: changed, a new 200',
        miss: `a full ${result.status}`,
        pass: `passed through: ${result.status}`,
      }[result.cache ?? 'pass'];
      return `GET ${which === 'page' ? 'the page' : 'the product'}: ${enabled ? how : `${result.status} (cache off)`}`;
    });

  return (
    <section className="card cl-try" aria-labelledby="cl-try-title">
      <h2 id="cl-try-title">The page’s own cache</h2>
      <p className="cl-note presenter-hide">
        Every request this app makes goes through its private cache (RFC 9111). Products are{' '}
        <code>public, max-age=60</code>, the page of products <code>no-cache</code>. GET twice, move
        the clock past 60 s, GET again: watch the log and the timeline.
      </p>
      <label className="cl-switch">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => setEnabled(event.target.checked)}
        />{' '}
        Client cache on
      </label>
      <div className="cl-buttons">
        <button type="button" className="primary" onClick={get('product')}>
          GET the product
        </button>
        <button type="button" onClick={get('page')}>
          GET the page (100 rows)
        </button>
        <button
          type="button"
          onClick={act(async () => (await advanceClock(30_000), 'The clock moved on 30 s'))}
        >
          Clock +30 s
        </button>
        <button
          type="button"
          onClick={act(async () => {
            await enterSandbox();
            const path = await productPath();
            const current = await send<{ stock: number }>(path);
            const stock = (current.body as { stock: number }).stock;
            const result = await send(path, { method: 'PATCH', json: { stock: stock + 1 } });
            return `PATCH the product: ${result.status}; an unsafe method invalidates what the cache held for it`;
          })}
        >
          PATCH the product
        </button>
        <button type="button" onClick={act(async () => (pageCache.clear(), 'Cache emptied'))}>
          Empty the cache
        </button>
      </div>
      <p className="cl-last" role="status" data-testid="try-outcome">
        {error ? <span className="inline-error">{error}</span> : (last ?? 'Nothing sent yet.')}
      </p>
    </section>
  );
}
