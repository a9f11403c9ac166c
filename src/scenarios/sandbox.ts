import { API_BASE } from '../api/routes/api-base.ts';
import { makeId } from '../api/store/random.ts';
import { jsonRequest, type Transport } from './scenario.ts';

/**
 * A lab's experiment runs in a sandbox: before it changes anything the user owns (data, settings,
 * the virtual clock), the world is saved; when the experiment ends, it is put back. Everything
 * goes through the control API and the API itself, so the restore is visible in the log.
 * docs/decisions/0009-labs-leave-each-other-alone.md says why, and what the core could do better.
 */
export interface StoreMeta {
  seed: number;
  sizes: Record<string, number>;
  /** The sequence each collection's next created id is derived from. */
  sequences: Record<string, number>;
}

export interface Row {
  id: string;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

export interface World {
  clock: { epoch_ms: number; paused: boolean };
  /** Real ms (from `realNow`) at which the clock was read: a running clock moves on meanwhile. */
  readAt: number;
  /** Saved when the experiment changes settings; a lab that only moves the clock leaves them. */
  settings?: Record<string, unknown>;
  data?: { meta: StoreMeta; rows: Record<string, Row[]> };
}

export interface SaveOptions {
  /** The experiment changes rows: save them all (read through the API) and the seed. */
  data?: boolean;
  /** The experiment changes settings (e.g. the rate-limit policy). */
  settings?: boolean;
}

export interface SandboxHost {
  /** Where the save and restore requests go (they are bookkeeping, not the lesson's traffic). */
  transport: Transport;
  realNow(): number;
  /** Keeps the saved world across a reload of the page (e.g. sessionStorage). */
  keep?: { save(world: World | undefined): void; load(): World | undefined };
}

/** The most rows a save reads back through the API; above it, a lab must ask first. */
export const MAX_SAVED_ROWS = 5000;
const PAGE = 100;
/** Saves and restores share one rate-limit partition, apart from the user's traffic. */
export const SANDBOX_CLIENT = 'restlab-sandbox';
const READ_ONLY = new Set(['id', 'created_at', 'updated_at']);

export class TooMuchData extends Error {}

export async function saveWorld(host: SandboxHost, options: SaveOptions): Promise<World> {
  const http = client(host.transport);
  const clock = await http.json<{ epoch_ms: number; paused: boolean }>('GET', '/__admin/clock');
  const world: World = {
    clock: { epoch_ms: clock.epoch_ms, paused: clock.paused },
    readAt: host.realNow(),
  };
  // Data implies settings: the restore itself turns the limiter off for a moment.
  if (options.settings || options.data)
    world.settings = await http.json<Record<string, unknown>>('GET', '/__admin/settings');
  if (!options.data) return world;
  // The seed, sizes and id sequences, from the control API (GET /__admin/data).
  const { seed, sizes, sequences } = await http.json<StoreMeta>('GET', '/__admin/data');
  const meta: StoreMeta = { seed, sizes, sequences };
  const rows: Record<string, Row[]> = {};
  let total = 0;
  for (const name of Object.keys(meta.sizes)) {
    rows[name] = await readAll(http, name, (count) => {
      total += count;
      if (total > MAX_SAVED_ROWS) throw new TooMuchData(`more than ${MAX_SAVED_ROWS} rows`);
    });
  }
  world.data = { meta, rows };
  return world;
}

/**
 * Puts the world back: the seed and sizes (a reset), then every row the user deleted, changed or
 * created since (created rows get their own ids back: they are derived from the seed and a
 * sequence, so the sequences are replayed in order), each write at its own virtual instant; then
 * the settings and the clock, as the user left it: paused at the same instant, or running as if
 * nothing had happened.
 */
export async function restoreWorld(host: SandboxHost, world: World): Promise<void> {
  const http = client(host.transport);
  if (world.data) {
    // The restore's writes must not be refused by the user's own policy.
    await http.json('PATCH', '/__admin/settings', { rate_limit: { enabled: false } });
    await http.json('POST', '/__admin/clock', { action: 'pause' });
    const { meta, rows } = world.data;
    await http.send(
      'POST',
      '/__admin/reset',
      { seed: meta.seed, sizes: meta.sizes, keep_journal: true },
      204,
    );
    for (const [name, saved] of Object.entries(rows))
      await restoreCollection(http, name, saved, meta);
  }
  if (world.settings) await http.json('PATCH', '/__admin/settings', world.settings);
  const { epoch_ms, paused } = world.clock;
  const elapsed = paused ? 0 : Math.max(0, Math.floor(host.realNow() - world.readAt));
  await http.json('POST', '/__admin/clock', { action: 'set', epoch_ms: epoch_ms + elapsed });
  await http.json('POST', '/__admin/clock', { action: paused ? 'pause' : 'resume' });
}

async function restoreCollection(
  http: Http,
  name: string,
  saved: readonly Row[],
  meta: StoreMeta,
): Promise<void> {
  const base = `${API_BASE}/${name}`;
  const seeded = new Map((await readAll(http, name)).map((row) => [row.id, row]));
  const wanted = new Map(saved.map((row) => [row.id, row]));
  const at = (instant: string) =>
    http.json('POST', '/__admin/clock', { action: 'set', epoch_ms: Date.parse(instant) });

  // Deletions first, so unique values that changed hands are free again.
  for (const id of seeded.keys())
    if (!wanted.has(id))
      await http.send('DELETE', `${base}/${encodeURIComponent(id)}`, undefined, 204);
  for (const row of saved) {
    const now = seeded.get(row.id);
    if (!now || sameFields(now, row)) continue;
    await at(row.updated_at);
    await http.json('PUT', `${base}/${encodeURIComponent(row.id)}`, fieldsOf(row));
  }
  // Created rows, in the order of their sequences; a sequence whose row was deleted is used up.
  const prefix = saved[0]?.id.split('_')[0];
  const size = meta.sizes[name] ?? 0;
  const end = meta.sequences[name] ?? size;
  if (prefix === undefined) return;
  for (let sequence = size; sequence < end; sequence++) {
    const row = wanted.get(makeId(prefix, meta.seed, name, sequence));
    if (row && !seeded.has(row.id)) {
      await at(row.created_at);
      await http.json('POST', base, fieldsOf(row));
      continue;
    }
    const sample = saved[0] as Row;
    const filler = fieldsOf(sample);
    if ('email' in filler) filler.email = `restore.${sequence}@example.org`;
    const made = await http.json<Row>('POST', base, filler);
    await http.send('DELETE', `${base}/${encodeURIComponent(made.id)}`, undefined, 204);
  }
}

const fieldsOf = (row: Row): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !READ_ONLY.has(key)));

function sameFields(a: Row, b: Row): boolean {
  return JSON.stringify(fieldsOf(a)) === JSON.stringify(fieldsOf(b));
}

async function readAll(http: Http, name: string, onPage?: (count: number) => void): Promise<Row[]> {
  const rows: Row[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await http.json<{ data: Row[]; pagination: { total: number } }>(
      'GET',
      `${API_BASE}/${name}?offset=${offset}&limit=${PAGE}`,
    );
    onPage?.(page.data.length);
    rows.push(...page.data);
    if (offset + PAGE >= page.pagination.total) return rows;
  }
}

type Http = ReturnType<typeof client>;

function client(transport: Transport) {
  const send = async (method: string, path: string, body?: unknown, expected?: number) => {
    const response = await transport.fetch(
      jsonRequest(transport, method, path, body, { 'X-Client-Id': SANDBOX_CLIENT }),
    );
    const text = await response.text();
    const ok = expected === undefined ? response.ok : response.status === expected;
    if (!ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 200)}`);
    return text;
  };
  return {
    send,
    async json<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
      return JSON.parse(await send(method, path, body)) as T;
    },
  };
}

/**
 * One sandbox for the page: entered by the first action of an experiment (saving the world once),
 * left when the experiment is over or its lab closes (putting the world back). Calls are queued.
 */
export class Sandbox {
  #world: World | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #listeners = new Set<() => void>();

  constructor(readonly host: SandboxHost) {}

  get active(): boolean {
    return this.#world !== undefined;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Saves the world unless it is saved already. Entered before with less (the clock only, say),
   * the rest is saved now: nothing the earlier experiment did has touched it.
   */
  enter(options: SaveOptions = {}): Promise<void> {
    return this.#run(async () => {
      const saved = this.#world;
      const needs = {
        data: options.data === true && !saved?.data,
        settings: (options.settings === true || options.data === true) && !saved?.settings,
      };
      if (saved && !needs.data && !needs.settings) return;
      const world = await saveWorld(this.host, saved ? needs : options);
      this.#world = saved
        ? { ...saved, settings: saved.settings ?? world.settings, data: saved.data ?? world.data }
        : world;
      this.host.keep?.save(this.#world);
    });
  }

  /** Puts the world back, if it was saved. */
  leave(): Promise<void> {
    return this.#run(async () => {
      const world = this.#world;
      if (!world) return;
      this.#world = undefined;
      await restoreWorld(this.host, world);
      this.host.keep?.save(undefined);
    });
  }

  /** A world saved before the page was reloaded mid-experiment is put back now. */
  recover(): Promise<void> {
    const kept = this.host.keep?.load();
    if (!kept || this.#world) return Promise.resolve();
    // The real clock started again with the page: a running clock resumes from its save.
    this.#world = { ...kept, readAt: this.host.realNow() };
    return this.leave();
  }

  #run(action: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(action);
    this.#queue = next.catch(() => undefined);
    return next.finally(() => {
      for (const listener of this.#listeners) listener();
    });
  }
}

let clockKeeper: () => Promise<void> = async () => {};

/** The page registers how to save its clock before an experiment changes it. */
export function setClockKeeper(keep: () => Promise<void>): void {
  clockKeeper = keep;
}

/** Called by experiments (playing a trace) just before they change the clock. */
export function keepClock(): Promise<void> {
  return clockKeeper();
}
