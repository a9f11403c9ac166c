import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { CheckResult, Scenario, Transport } from '../../../scenarios/scenario.ts';
import { createPlayer, SPEEDS, type Player, type PlayerAdapter } from './player.ts';
import { readScenarioLink, shareUrl, showLinkInAddressBar } from './scenario-link.ts';
import { usePlayerState } from './use-player.ts';
import './scenario-player.css';

export interface ScenarioPlayerProps<Step extends { kind: string }, View> {
  /** For ids and test ids: "rate-limit", "pagination". */
  lab: string;
  scenarios: readonly Scenario<Step>[];
  makeAdapter(scenario: Scenario<Step>): PlayerAdapter<Step, View>;
  transport: Transport;
  /** The lab's own charts and lists, drawn from the step's recorded view. */
  renderView(view: View, cursor: number): ReactNode;
  /** A line under the title, e.g. what the scenarios do to the user's data. */
  note?: ReactNode;
}

/**
 * The shared scenario player (Visualgo is the model): pick a scenario, step forward and back,
 * play at a speed; a narration line per step; the lab's view replays with the steps; the claims
 * are checked as they are measured; the address bar always holds a link to the step shown.
 */
export function ScenarioPlayer<Step extends { kind: string }, View>(
  props: ScenarioPlayerProps<Step, View>,
) {
  const { scenarios, makeAdapter, transport } = props;
  const [player, setPlayer] = useState<{ id: string; player: Player<View> }>();
  const [verdicts, setVerdicts] = useState<Record<string, CheckResult[]>>({});
  const current = useRef(player);
  const card = useRef<HTMLElement>(null);
  const onFinished = useCallback(
    (id: string, checks: CheckResult[]) => setVerdicts((all) => ({ ...all, [id]: checks })),
    [],
  );

  /** Puts the player's controls, narration and view in view: the lab area scrolls, not the page. */
  const reveal = () =>
    requestAnimationFrame(() =>
      card.current?.querySelector('.sp-body')?.scrollIntoView({ block: 'start' }),
    );

  function open(id: string, cursor: number) {
    const scenario = scenarios.find((candidate) => candidate.id === id);
    if (!scenario) return;
    // The previous experiment is put back first: two must never overlap in the one sandbox.
    const closing = current.current?.player.close() ?? Promise.resolve();
    const next = { id, player: createPlayer(makeAdapter(scenario), transport) };
    current.current = next;
    setPlayer(next);
    void closing
      .catch(() => undefined)
      .then(() => {
        reveal();
        return next.player.goTo(cursor);
      })
      .catch(() => undefined)
      .then(reveal);
  }

  // A link opens its scenario at its step; leaving the lab ends any experiment in progress.
  useEffect(() => {
    const link = readScenarioLink(
      location.search,
      scenarios.map((scenario) => scenario.id),
    );
    let cancelled = false;
    // After the effect: opening sets state, and a double mount must open it only once.
    queueMicrotask(() => {
      if (link && !cancelled) open(link.scenario, link.cursor);
    });
    return () => {
      cancelled = true;
      void current.current?.player.close();
      current.current = undefined;
    };
    // Once per mount: the link is read when the lab opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section
      ref={card}
      className="card sp"
      aria-labelledby={`${props.lab}-scenarios-title`}
      data-testid="scenario-player"
    >
      <h2 id={`${props.lab}-scenarios-title`}>Scenarios</h2>
      {props.note && <p className="sp-note presenter-hide">{props.note}</p>}
      <ul className="sp-list">
        {scenarios.map((scenario) => {
          const checks = verdicts[scenario.id];
          const pass = checks?.every((check) => check.pass);
          const selected = player?.id === scenario.id;
          return (
            <li
              key={scenario.id}
              data-testid={`scenario-${scenario.id}`}
              className={selected ? 'selected' : undefined}
            >
              <button
                type="button"
                className="sp-open"
                aria-pressed={selected}
                onClick={() => open(scenario.id, -1)}
                title={scenario.summary}
              >
                {scenario.title}
              </button>
              <button
                type="button"
                onClick={() => open(scenario.id, scenario.steps.length - 1)}
                title="Run every step now, then step back through them"
              >
                Run
              </button>
              {checks && (
                <span className={pass ? 'sp-pass' : 'sp-fail'} data-testid="scenario-verdict">
                  {pass ? '✓ Every claim holds' : '✗ A claim failed'}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {player ? (
        <PlayerBody
          key={player.id}
          lab={props.lab}
          id={player.id}
          player={player.player}
          scenario={scenarios.find((s) => s.id === player.id) as Scenario<Step>}
          renderView={props.renderView}
          onFinished={onFinished}
        />
      ) : (
        <p className="sp-muted">
          Choose a scenario to step through it, or Run it straight to its end.
        </p>
      )}
    </section>
  );
}

interface BodyProps<Step extends { kind: string }, View> {
  lab: string;
  id: string;
  player: Player<View>;
  scenario: Scenario<Step>;
  renderView(view: View, cursor: number): ReactNode;
  onFinished(id: string, checks: CheckResult[]): void;
}

function PlayerBody<Step extends { kind: string }, View>(props: BodyProps<Step, View>) {
  const { player, scenario, id, onFinished } = props;
  const state = usePlayerState(player);
  const speedId = useId();
  const [copied, setCopied] = useState<string>();
  const { cursor, total, busy, playing } = state;
  const atEnd = cursor === total - 1;
  const link = { scenario: id, cursor };

  useEffect(() => showLinkInAddressBar(link), [id, cursor]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (atEnd) onFinished(id, player.checks());
  }, [atEnd, id, player, onFinished]);

  async function copyLink() {
    const url = shareUrl(link);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(`Link copied: ${url}`);
    } catch {
      setCopied(`Copy this link: ${url}`);
    }
  }

  const frame = player.frame();
  const checks = player.checks();
  const step = scenario.steps[cursor];
  // A presenter's clicker sends arrow keys: ← and → step while the focus is in the player.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target instanceof HTMLSelectElement || event.altKey || event.ctrlKey) return;
    if (event.key === 'ArrowLeft') player.back();
    else if (event.key === 'ArrowRight') void player.forward().catch(() => undefined);
    else return;
    event.preventDefault();
  }

  return (
    <div className="sp-body" data-testid={`player-${id}`} onKeyDown={onKeyDown}>
      <div className="sp-controls" role="group" aria-label="Player">
        <button
          type="button"
          onClick={() => void player.goTo(-1)}
          disabled={cursor < 0}
          title="Back to before the first step"
        >
          ⇤ Start
        </button>
        <button type="button" onClick={() => player.back()} disabled={cursor < 0}>
          ◂ Back
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => (playing ? player.pause() : void player.play())}
        >
          {playing ? '❚❚ Pause' : atEnd ? '↻ Play again' : '▶ Play'}
        </button>
        <button
          type="button"
          onClick={() => void player.forward().catch(() => undefined)}
          disabled={atEnd || busy}
        >
          Forward ▸
        </button>
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          value={state.speed}
          onChange={(event) => player.setSpeed(Number(event.target.value))}
        >
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
        <span className="sp-counter" data-testid="player-step" aria-live="polite">
          Step {cursor + 1} of {total}
          {busy ? ' · running…' : ''}
        </span>
        <button type="button" onClick={() => void copyLink()} className="sp-copy">
          Copy link
        </button>
      </div>
      {copied && (
        <p className="sp-copied" role="status">
          {copied}
        </p>
      )}
      <p className="sp-narration" data-testid="player-narration" aria-live="polite">
        {state.error ? (
          <span className="inline-error">{state.error}</span>
        ) : frame ? (
          <>
            <b>
              {cursor + 1}. {step?.kind}
            </b>{' '}
            {frame.narration}
          </>
        ) : (
          <>
            <b>{scenario.title}.</b> {scenario.summary}
          </>
        )}
      </p>
      <div className="sp-stage">
        <div className="sp-view" data-testid="player-view">
          {props.renderView(player.view(), cursor)}
        </div>
        <ul className="sp-checks" aria-label="Claims" data-testid="player-checks">
          {checks.map((check) => (
            <li
              key={check.expectation.claim}
              className={check.pending ? 'pending' : check.pass ? 'sp-pass' : 'sp-fail'}
            >
              {check.pending ? '·' : check.pass ? '✓' : '✗'} {check.expectation.claim}
              {!check.pending && (
                <span className="sp-muted presenter-hide">
                  {' '}
                  ({check.expectation.metric} = {String(check.actual)})
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
