import { mulberry32, type Random } from '../../api/store/random.ts';
import type { Metric, Transport } from '../scenario.ts';
import { expectStatus } from './lab-http.ts';
import { chooseDeletions, newRowFields, type DeleteTarget } from './mutator.ts';
import {
  metricsOf,
  newTally,
  recordPage,
  updateSkipped,
  walkOrder,
  type WalkerTally,
} from './tally.ts';
import { NAIVE_LIST_LIMIT, readPage, WALKERS, type LabRow, type WalkerKind } from './walkers.ts';

export interface DriftConfig {
  /** Rows in the collection at the start (at most 60, so the naive walker's list fits a page). */
  rows: number;
  limit: number;
  /** Seeds the mutator's choices; with the same seed and actions a demo replays identically. */
  seed: number;
}

/** 2026-01-02T00:00:00Z: after every seeded row, so each new row lands at the head. */
export const DEMO_START_MS = 1767312000000;
const COLLECTION = 'products';
const BASE = `/api/v1/${COLLECTION}`;

export interface TruthRow extends LabRow {
  initial: boolean;
  deleted: boolean;
}

/**
 * The drift lab's engine, framework-free: side-by-side walkers over one collection while a
 * seeded mutator inserts at the head and deletes rows. It keeps the truth (which rows existed
 * throughout) from its own snapshot and its own writes, so it can mark duplicates and skipped
 * rows as they happen. Every action is a real request; actions run one at a time.
 */
export class DriftSession {
  config: DriftConfig = { rows: 20, limit: 5, seed: 1 };
  tallies: WalkerTally[] = [];
  truth = new Map<string, TruthRow>();
  log: string[] = [];
  tick = 0;
  #random: Random = mulberry32(1);
  #inserted = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #listeners = new Set<() => void>();

  constructor(readonly transport: Transport) {}

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs actions one after another, whoever asks (buttons, auto-walk, scenarios). */
  run<T>(action: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(action);
    this.#queue = next.catch(() => undefined);
    return next.finally(() => this.#changed());
  }

  /** Fresh data, a paused virtual clock at a fixed instant, a snapshot of the truth. */
  reset(config: DriftConfig): Promise<void> {
    return this.run(async () => {
      this.config = config;
      const { transport } = this;
      await expectStatus(204, transport, 'POST', '/__admin/reset', {
        sizes: { [COLLECTION]: config.rows },
        // The user's request log stays: the demo's own requests join it.
        keep_journal: true,
      });
      await expectStatus(200, transport, 'POST', '/__admin/clock', { action: 'pause' });
      await expectStatus(200, transport, 'POST', '/__admin/clock', {
        action: 'set',
        epoch_ms: DEMO_START_MS,
      });
      const list = await expectStatus<{ data: LabRow[] }>(
        200,
        transport,
        'GET',
        `${BASE}?limit=${NAIVE_LIST_LIMIT}`,
      );
      this.truth = new Map(
        list.data.map((row) => [row.id, { ...pick(row), initial: true, deleted: false }]),
      );
      this.tallies = WALKERS.map(newTally);
      this.#random = mulberry32(config.seed);
      this.#inserted = 0;
      this.tick = 0;
      this.log = [
        `Reset: ${config.rows} ${COLLECTION}, pages of ${config.limit}, mutator seed ${config.seed}.`,
      ];
    });
  }

  /**
   * Forgets the walk (its data is gone: the user's world was put back). The next action must
   * start with a reset.
   */
  forget(line: string): Promise<void> {
    return this.run(async () => {
      this.tallies = [];
      this.truth = new Map();
      this.tick = 0;
      this.log = [line];
    });
  }

  /** Every walker that is not done reads its next page. */
  step(): Promise<void> {
    return this.run(() => this.#step());
  }

  async #step(): Promise<void> {
    for (const tally of this.tallies) {
      if (tally.done) continue;
      const read = await readPage(tally.kind, tally.position, {
        transport: this.transport,
        base: BASE,
        limit: this.config.limit,
      });
      tally.position = read.position;
      tally.done = read.done;
      recordPage(tally, read.path, read.rows.map(pick), read.restarted);
      if (read.restarted)
        this.#note(
          `Naive: its last-seen row is gone; indexOf → -1, so it starts over from the top.`,
        );
      this.#refreshSkipped();
      this.#changed();
    }
  }

  /** Inserts rows at the head; each batch is one new virtual second. */
  insert(count: number): Promise<void> {
    return this.run(() => this.#insert(count));
  }

  async #insert(count: number): Promise<void> {
    await expectStatus(200, this.transport, 'POST', '/__admin/clock', {
      action: 'advance',
      ms: 1000,
    });
    for (let i = 0; i < count; i++) {
      if (this.#live().length >= NAIVE_LIST_LIMIT) {
        this.#note('Insert skipped: the collection is full for this demo.');
        return;
      }
      const created = await expectStatus<LabRow>(
        201,
        this.transport,
        'POST',
        BASE,
        newRowFields(this.#random, ++this.#inserted),
      );
      this.truth.set(created.id, { ...pick(created), initial: false, deleted: false });
      this.#note(`Inserted “${created.name}” at the head.`);
      this.#changed();
    }
  }

  delete(target: DeleteTarget, count = 1): Promise<void> {
    return this.run(() => this.#delete(target, count));
  }

  async #delete(target: DeleteTarget, count: number): Promise<void> {
    const chosen = chooseDeletions(target, count, this.#random, this.#live(), this.tallies);
    if (chosen.length === 0) this.#note(`Nothing to delete: no ${target} row.`);
    for (const row of chosen) {
      await expectStatus(204, this.transport, 'DELETE', `${BASE}/${encodeURIComponent(row.id)}`);
      (this.truth.get(row.id) as TruthRow).deleted = true;
      this.#note(`Deleted “${row.name}” (${target}).`);
      this.#refreshSkipped();
      this.#changed();
    }
  }

  /** One virtual second of the auto-walk: the mutator acts at its rates, then every walker steps. */
  advanceTick(rates: {
    inserts: number;
    deletes: number;
    target: DeleteTarget | 'mixed';
  }): Promise<void> {
    return this.run(async () => {
      this.tick++;
      await this.#insert(rates.inserts);
      for (let i = 0; i < rates.deletes; i++) {
        const kinds: DeleteTarget[] = ['seen', 'unseen', 'boundary'];
        const target =
          rates.target === 'mixed'
            ? (kinds[Math.floor(this.#random() * 3)] as DeleteTarget)
            : rates.target;
        await this.#delete(target, 1);
      }
      await this.#step();
    });
  }

  /** Steps until every walker is done. */
  finish(): Promise<void> {
    return this.run(async () => {
      for (let guard = 0; guard < 200 && this.tallies.some((tally) => !tally.done); guard++)
        await this.#step();
    });
  }

  get allDone(): boolean {
    return this.tallies.length > 0 && this.tallies.every((tally) => tally.done);
  }

  /** The lab's measurements, as a scenario records them. */
  metrics(): Record<string, Metric> {
    return Object.assign({}, ...this.tallies.map(metricsOf)) as Record<string, Metric>;
  }

  /** Live rows in walk order (newest first). */
  liveRows(): (LabRow & { initial: boolean })[] {
    return this.#live().sort(walkOrder);
  }

  tally(kind: WalkerKind): WalkerTally | undefined {
    return this.tallies.find((tally) => tally.kind === kind);
  }

  #live(): TruthRow[] {
    return [...this.truth.values()].filter((row) => !row.deleted);
  }

  #refreshSkipped(): void {
    const throughout = [...this.truth.values()].filter((row) => row.initial && !row.deleted);
    for (const tally of this.tallies) updateSkipped(tally, throughout);
  }

  #note(line: string): void {
    this.log = [...this.log.slice(-49), this.tick > 0 ? `t=${this.tick}s · ${line}` : line];
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

const pick = ({ id, name, created_at }: LabRow): LabRow => ({ id, name, created_at });
