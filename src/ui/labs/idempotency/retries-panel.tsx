import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { runRetries, type RetryRun } from './retries.ts';

/** Retries with exponential backoff and jitter against lost answers: the duplicates, charted. */
export function RetriesPanel() {
  const [runs, setRuns] = useState<RetryRun[]>([]);
  const [busy, setBusy] = useState(false);
  const [dropRate, setDropRate] = useState('0.4');

  async function run() {
    setBusy(true);
    setRuns([]);
    try {
      await runRetries(
        { orders: 12, dropRate: Number(dropRate), maxRetries: 4, baseMs: 40, seed: 11 },
        (done) => setRuns((all) => [...all, done]),
      );
    } finally {
      setBusy(false);
    }
  }

  const data = runs.map((run) => ({
    name: run.label,
    intended: run.intended,
    made: run.made,
    duplicates: run.made - run.intended,
  }));
  return (
    <section className="card idem-retries" aria-labelledby="idem-retries-title">
      <h2 id="idem-retries-title">Retries: backoff and jitter, with and without keys</h2>
      <p className="idem-note">
        12 orders by a client that retries a lost answer up to 4 times, waiting a random time below
        40 ms · 2<sup>attempt</sup> (full jitter). The same seeded drop rate both times.
      </p>
      <div className="faults-actions">
        <label>
          Drop rate{' '}
          <input
            type="number"
            min="0"
            max="0.9"
            step="0.1"
            value={dropRate}
            onChange={(event) => setDropRate(event.target.value)}
          />
        </label>
        <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
          {busy ? 'Retrying…' : 'Run both'}
        </button>
      </div>
      {data.length > 0 && (
        <>
          <ul className="idem-runs" data-testid="retry-runs">
            {runs.map((run) => (
              <li key={run.label}>
                {run.label}: <strong>{run.made}</strong> orders made for {run.intended} meant ·{' '}
                {run.attempts} attempts · waits {run.waits.slice(0, 6).join(', ')}
                {run.waits.length > 6 ? '…' : ''} ms
              </li>
            ))}
          </ul>
          <div
            className="idem-chart"
            role="img"
            aria-label="Orders meant and made, with and without keys"
          >
            <ResponsiveContainer width="100%" height={160}>
              <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -20 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar
                  dataKey="intended"
                  name="meant"
                  fill="var(--accent)"
                  isAnimationActive={false}
                />
                <Bar dataKey="made" name="made" fill="var(--danger)" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </section>
  );
}
