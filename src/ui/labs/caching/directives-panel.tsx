import { useRef, useState } from 'react';
import {
  CacheWorld,
  type ClientName,
  type Exchange,
} from '../../../scenarios/caching/cache-world.ts';
import { virtualNow } from '../../shared/client-cache/page-cache.ts';
import { pageTransport } from '../../shared/page-transport.ts';
import { DIRECTIVE_DEMOS, type DirectiveDemo } from './directives.ts';
import { advanceClock, productPath, setProductPolicy } from './lab-actions.ts';

const newWorld = () => new CacheWorld(pageTransport, virtualNow, { a: 'client-a', b: 'client-b' });

/**
 * Each directive on two clients and a CDN between them and the API: who stored what, and who
 * answered each request. Every request the CDN forwards is real (the log shows it); what the
 * caches answer themselves never reaches the API.
 */
export function DirectivesPanel() {
  const [demo, setDemo] = useState<DirectiveDemo>(DIRECTIVE_DEMOS[0] as DirectiveDemo);
  const world = useRef<CacheWorld>(newWorld());
  const [rows, setRows] = useState<(Exchange | { advanced: number })[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const applied = useRef<string | undefined>(undefined);

  async function run(moves: readonly (ClientName | number)[]) {
    setBusy(true);
    setError(undefined);
    try {
      if (applied.current !== demo.directives) {
        await setProductPolicy(demo.directives);
        applied.current = demo.directives;
        world.current = newWorld();
        setRows([]);
      }
      const path = await productPath();
      for (const move of moves) {
        if (typeof move === 'number') {
          await advanceClock(move * 1000);
          setRows((all) => [...all, { advanced: move }]);
        } else {
          const exchange = await world.current.send(move, 'GET', path, { viaCdn: true });
          setRows((all) => [...all, exchange]);
        }
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  const choose = (id: string) => {
    const next = DIRECTIVE_DEMOS.find((candidate) => candidate.id === id);
    if (!next) return;
    setDemo(next);
    applied.current = undefined;
    world.current = newWorld();
    setRows([]);
  };

  return (
    <section className="card cl-directives" aria-labelledby="cl-dir-title" data-testid="directives">
      <h2 id="cl-dir-title">Directives: two clients, one CDN</h2>
      <div className="cl-dir-bench">
        <div>
          <div className="cl-chips" role="radiogroup" aria-label="Directive">
            {DIRECTIVE_DEMOS.map((candidate) => (
              <label
                key={candidate.id}
                className={candidate.id === demo.id ? 'selected' : undefined}
              >
                <input
                  type="radio"
                  name="cl-directive"
                  checked={candidate.id === demo.id}
                  onChange={() => choose(candidate.id)}
                />
                {candidate.id}
              </label>
            ))}
          </div>
          <p>
            <code>Cache-Control: {demo.directives}</code>
          </p>
          <p className="cl-note">{demo.lesson}</p>
          <div className="cl-buttons">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void run(demo.play)}
            >
              Play:{' '}
              {demo.play
                .map((move) => (typeof move === 'number' ? `+${move} s` : move.toUpperCase()))
                .join(' → ')}
            </button>
            <button type="button" disabled={busy} onClick={() => void run(['a'])}>
              A GETs
            </button>
            <button type="button" disabled={busy} onClick={() => void run(['b'])}>
              B GETs
            </button>
            <button type="button" disabled={busy} onClick={() => void run([30])}>
              +30 s
            </button>
          </div>
          {error && <p className="inline-error">{error}</p>}
        </div>
        <ExchangeTable rows={rows} />
      </div>
    </section>
  );
}

const OUTCOME: Record<string, string> = {
  hit: 'hit',
  'stale-hit': 'stale hit',
  revalidated: '304 → reused',
  modified: 'new 200',
  miss: 'miss',
  pass: 'passed on',
};

function ExchangeTable({ rows }: { rows: (Exchange | { advanced: number })[] }) {
  if (rows.length === 0)
    return (
      <p className="cl-note">Play the demo: each request’s path through the caches appears here.</p>
    );
  return (
    <table className="data-table cl-exchanges" data-testid="exchanges">
      <thead>
        <tr>
          <th scope="col">client</th>
          <th scope="col">its cache</th>
          <th scope="col">CDN</th>
          <th scope="col">API</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) =>
          'advanced' in row ? (
            <tr key={index} className="cl-advance">
              <td colSpan={4}>clock +{row.advanced} s</td>
            </tr>
          ) : (
            <tr key={index} title={row.why}>
              <th scope="row">{row.client.toUpperCase()}</th>
              <td>{OUTCOME[row.private]}</td>
              <td>{row.shared ? OUTCOME[row.shared] : '—'}</td>
              <td>
                {row.apiStatus === undefined ? 'not asked' : `${row.apiStatus} · ${row.apiBytes} B`}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
