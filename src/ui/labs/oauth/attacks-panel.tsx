import { useState } from 'react';
import { pageTransport } from '../../shared/page-transport.ts';
import { ATTACKS, type AttackOutcome } from './attacks.ts';

/** Each attack runs for real; its outcome says whether the defence held. */
export function AttacksPanel() {
  const [outcomes, setOutcomes] = useState<Record<string, AttackOutcome | 'running' | Error>>({});
  async function run(id: string) {
    const attack = ATTACKS.find((candidate) => candidate.id === id);
    if (!attack) return;
    setOutcomes((all) => ({ ...all, [id]: 'running' }));
    try {
      const outcome = await attack.run(pageTransport);
      setOutcomes((all) => ({ ...all, [id]: outcome }));
    } catch (error) {
      setOutcomes((all) => ({
        ...all,
        [id]: error instanceof Error ? error : new Error(String(error)),
      }));
    }
  }
  return (
    <section className="card oa-card" aria-labelledby="oa-attacks-title">
      <h2 id="oa-attacks-title">Attacks, run for real</h2>
      <ul className="oa-attacks">
        {ATTACKS.map((attack) => {
          const outcome = outcomes[attack.id];
          return (
            <li key={attack.id} data-testid={`attack-${attack.id}`}>
              <div className="oa-attack-head">
                <button
                  type="button"
                  onClick={() => void run(attack.id)}
                  disabled={outcome === 'running'}
                >
                  Run
                </button>
                <span>
                  <b>{attack.title}.</b> {attack.how} <i>{attack.defence}</i>
                </span>
              </div>
              {outcome instanceof Error && (
                <p className="oa-outcome oa-outcome-bad">{outcome.message}</p>
              )}
              {outcome && outcome !== 'running' && !(outcome instanceof Error) && (
                <div
                  className={
                    outcome.refused ? 'oa-outcome oa-outcome-ok' : 'oa-outcome oa-outcome-bad'
                  }
                  data-testid="attack-outcome"
                >
                  <b>{outcome.refused ? 'Stopped.' : 'Got through!'}</b>
                  {outcome.lines.map((line) => (
                    <code key={line}>{line}</code>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
