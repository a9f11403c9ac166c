import { StatusBadge } from '../../shared/status-badge.tsx';
import { useComposerStore, type HistoryEntry } from './composer-store.ts';
import { formatVirtualTime } from './virtual-time.ts';

/** The last requests sent from here, newest first; choosing one loads it back into the form. */
export function HistoryList({ onLoaded }: { onLoaded(): void }) {
  const history = useComposerStore((state) => state.history);
  const setDraft = useComposerStore((state) => state.setDraft);
  const clear = useComposerStore((state) => state.clearHistory);

  const load = (entry: HistoryEntry) => {
    setDraft({ method: entry.method, path: entry.path, headers: entry.headers, body: entry.body });
    onLoaded();
  };

  return (
    <section className="composer-history" aria-labelledby="composer-history-title">
      <div className="composer-history-head">
        <h2 id="composer-history-title">History</h2>
        {history.length > 0 && (
          <button type="button" onClick={clear}>
            Clear
          </button>
        )}
      </div>
      {history.length === 0 ? (
        <p className="composer-hint">Requests you send appear here (the last 50 are kept).</p>
      ) : (
        <ol>
          {history.map((entry) => (
            <li key={entry.id}>
              <button type="button" onClick={() => load(entry)}>
                <span className="visually-hidden">Load </span>
                {entry.status === null ? (
                  <span className="badge">no response</span>
                ) : (
                  <StatusBadge status={entry.status} compact />
                )}{' '}
                <code>
                  {entry.method} {entry.path}
                </code>
                <span className="composer-history-time">
                  {entry.sentAt === null
                    ? 'earlier'
                    : `${formatVirtualTime(entry.sentAt)} (virtual)`}
                  {entry.bodyOmitted && ' · body not kept'}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
