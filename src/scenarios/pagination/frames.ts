import type { Metric, ScenarioContext } from '../scenario.ts';
import type { DriftConfig, DriftSession, TruthRow } from './drift-session.ts';
import { driftInterpreter } from './interpreter.ts';
import type { DriftStep } from './steps.ts';
import { walkOrder, type WalkerTally } from './tally.ts';
import type { WalkerKind } from './walkers.ts';

/** What the drift lab shows at one moment: a copy, so later steps cannot change a recorded one. */
export interface DriftView {
  config: DriftConfig;
  tallies: WalkerTally[];
  truth: Map<string, TruthRow>;
  log: string[];
}

export function driftView(session: DriftSession): DriftView {
  return structuredClone({
    config: session.config,
    tallies: session.tallies,
    truth: session.truth,
    log: session.log,
  });
}

/** Live rows in walk order (newest first). */
export function liveRowsOf(view: Pick<DriftView, 'truth'>): TruthRow[] {
  return [...view.truth.values()].filter((row) => !row.deleted).sort(walkOrder);
}

export function tallyOf(
  view: Pick<DriftView, 'tallies'>,
  kind: WalkerKind,
): WalkerTally | undefined {
  return view.tallies.find((tally) => tally.kind === kind);
}

/** Runs drift steps on `session` and narrates each from what it changed. */
export function driftStepper(session: DriftSession) {
  const interpret = driftInterpreter(session);
  return {
    initial: driftView(session),
    async run(step: DriftStep, context: ScenarioContext) {
      const before = { ...context.metrics };
      const logBefore = session.log.length;
      await interpret(step, context);
      const added = step.kind === 'reset' ? [] : session.log.slice(logBefore);
      return {
        view: driftView(session),
        narration: narrateDrift(step, before, context.metrics, added, session),
      };
    },
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function narrateDrift(
  step: DriftStep,
  before: Readonly<Record<string, Metric>>,
  after: Readonly<Record<string, Metric>>,
  added: readonly string[],
  session: Pick<DriftSession, 'tallies'>,
): string {
  const delta = (metric: string) => Number(after[metric] ?? 0) - Number(before[metric] ?? 0);
  switch (step.kind) {
    case 'reset':
      return `Reset: ${step.rows} products, pages of ${step.limit}, the clock paused at a fixed instant, so every run is the same. Walk order: newest first (sort=-created_at, id breaks ties).`;
    case 'insert':
      return `${count(step.count, 'row')} inserted at the head, one virtual second later. Every row after them moves ${count(step.count, 'position')} down: an offset counts positions, a cursor names a row.`;
    case 'delete': {
      const line = added
        .filter((text) => text.includes('Deleted') || text.includes('Nothing'))
        .join(' ');
      const which =
        step.target === 'boundary'
          ? 'the row the cursors point at'
          : step.target === 'seen'
            ? 'a row a walker has returned'
            : 'a row no walker has reached yet';
      return `${line || 'Deleted a row.'} That is ${which}: every row after it moves one position up.`;
    }
    case 'step':
    case 'finish': {
      const parts: string[] = [];
      const dup = delta('offset.duplicates');
      const skip = delta('offset.skipped');
      if (dup > 0)
        parts.push(
          `offset returned ${count(dup, 'row')} again (rows inserted ahead pushed them to the next page)`,
        );
      if (skip > 0)
        parts.push(
          `offset skipped ${count(skip, 'row')} (a deletion behind it pulled them onto a page already read)`,
        );
      if (delta('naive.restarts') > 0)
        parts.push(
          'the naive cursor’s last-seen id is gone: indexOf gave −1 and it started over from the top',
        );
      const keysetOk =
        Number(after['keyset.duplicates'] ?? 0) + Number(after['keyset.skipped'] ?? 0) === 0;
      parts.push(
        keysetOk
          ? 'keyset continued after its last row’s (created_at, id), untouched by positions'
          : 'keyset saw a change',
      );
      const head =
        step.kind === 'step'
          ? `Each walker read its next page (${pagesRead(session)})`
          : 'Every walker read on to the end';
      return `${head}: ${parts.join('; ')}.`;
    }
  }
}

function pagesRead(session: Pick<DriftSession, 'tallies'>): string {
  return session.tallies.map((tally) => `${tally.kind} ${tally.pages.length}`).join(', ');
}
