/**
 * Model-based test (fast-check): random sequences of create/get/put/patch/delete/list/reset and
 * clock steps run against the API and against a small reference model — a Map per collection
 * plus a case-insensitive email index — and every status code and body must agree.
 * Generated values carry their own validity, so the model never re-implements the schemas.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRfc3339 } from '../clock.ts';
import type { Api } from '../create-api.ts';
import type { Row } from '../store/row.ts';
import { START_MS, call, makeApi, pointers, snapshot } from '../test-support.ts';

type Collection = 'users' | 'products';

/** A field value and whether the schema accepts it. */
interface Value {
  value: unknown;
  valid: boolean;
}
/** A user email: a literal, or another user's current email in another case (a likely 409). */
type EmailValue = Value | { copyOf: number; upper: boolean };
/** A field in a body: absent, or present with a value (in a patch, null = remove). */
type Field<V> = { present: false } | { present: true; value: V | 'null' };

interface Body {
  fields: Record<string, Field<Value | EmailValue>>;
  /** A read-only or unknown member, making the body a 422. */
  extra?: 'id' | 'created_at' | 'nickname';
}

type Ref = { kind: 'live'; pick: number } | { kind: 'gone'; pick: number } | { kind: 'never' };

type Op =
  | { op: 'create'; collection: Collection; body: Body }
  | { op: 'get'; collection: Collection; ref: Ref }
  | { op: 'put'; collection: Collection; ref: Ref; body: Body }
  | { op: 'patch'; collection: Collection; ref: Ref; body: Body }
  | { op: 'delete'; collection: Collection; ref: Ref }
  | { op: 'list'; collection: Collection; offset: number; limit: number }
  | { op: 'reset'; seed: number; users: number; products: number }
  | { op: 'advance'; ms: number };

// ---- arbitraries ------------------------------------------------------------------------------

const valid = (value: unknown): Value => ({ value, valid: true });
const invalid = (value: unknown): Value => ({ value, valid: false });

/** Mostly valid values, so most writes get as far as the store. */
const mostly = (good: fc.Arbitrary<Value>, bad: fc.Arbitrary<Value>) =>
  fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: bad, weight: 1 });

const names = mostly(
  fc.constantFrom(
    valid('Ada'),
    valid('Grace Hopper'),
    valid('Ünïcødé ✓ 😀'),
    valid('x'.repeat(100)),
  ),
  fc.constantFrom(
    invalid(''),
    invalid('   '),
    invalid('x'.repeat(101)),
    invalid('bell\u0007'),
    invalid(7),
  ),
);
const emails: fc.Arbitrary<EmailValue> = fc.oneof(
  mostly(
    fc.constantFrom(
      valid('ada@example.com'),
      valid('ADA@example.com'),
      valid('bob@example.org'),
      valid('Bob@Example.Org'),
      valid('cy@example.net'),
      valid('dee@example.com'),
      valid('eve@example.com'),
    ),
    fc.constantFrom(invalid('not-an-email'), invalid(42)),
  ),
  fc.record({ copyOf: fc.nat(), upper: fc.boolean() }),
);
const roles = mostly(
  fc.constantFrom(valid('member'), valid('admin')),
  fc.constantFrom(invalid('boss'), invalid(1)),
);
const cents = mostly(
  fc.integer({ min: 0, max: 1_000_000 }).map(valid),
  fc.constantFrom(invalid(-1), invalid(1.5), invalid('100'), invalid(true)),
);

function field<V>(value: fc.Arbitrary<V>, allowNull: boolean): fc.Arbitrary<Field<V>> {
  const present = allowNull
    ? fc.oneof(
        { arbitrary: value, weight: 5 },
        { arbitrary: fc.constant('null' as const), weight: 1 },
      )
    : value;
  return fc.oneof(
    { arbitrary: fc.constant({ present: false as const }), weight: 1 },
    {
      arbitrary: present.map((v) => ({ present: true as const, value: v })),
      weight: allowNull ? 2 : 8,
    },
  );
}

function body(collection: Collection, patch: boolean): fc.Arbitrary<Body> {
  const fields =
    collection === 'users'
      ? fc.record({
          name: field(names, patch),
          email: field(emails, patch),
          role: field(roles, patch),
        })
      : fc.record({
          name: field(names, patch),
          price_cents: field(cents, patch),
          stock: field(cents, patch),
        });
  const extra = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 12 },
    {
      arbitrary: fc.constantFrom('id' as const, 'created_at' as const, 'nickname' as const),
      weight: 1,
    },
  );
  return fc
    .record({ fields, extra })
    .map(({ fields, extra }) => (extra ? { fields, extra } : { fields }));
}

const ref: fc.Arbitrary<Ref> = fc.oneof(
  { arbitrary: fc.nat().map((pick) => ({ kind: 'live' as const, pick })), weight: 8 },
  { arbitrary: fc.nat().map((pick) => ({ kind: 'gone' as const, pick })), weight: 1 },
  { arbitrary: fc.constant({ kind: 'never' as const }), weight: 1 },
);
const collection = fc.constantFrom<Collection>('users', 'products');

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: collection.chain((c) =>
      body(c, false).map((b): Op => ({ op: 'create', collection: c, body: b })),
    ),
    weight: 5,
  },
  { arbitrary: fc.record({ op: fc.constant('get' as const), collection, ref }), weight: 2 },
  {
    arbitrary: collection.chain((c) =>
      fc.record({
        op: fc.constant('put' as const),
        collection: fc.constant(c),
        ref,
        body: body(c, false),
      }),
    ),
    weight: 3,
  },
  {
    arbitrary: collection.chain((c) =>
      fc.record({
        op: fc.constant('patch' as const),
        collection: fc.constant(c),
        ref,
        body: body(c, true),
      }),
    ),
    weight: 4,
  },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), collection, ref }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('list' as const),
      collection,
      offset: fc.integer({ min: 0, max: 12 }),
      limit: fc.integer({ min: 0, max: 101 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('reset' as const),
      seed: fc.constantFrom(1, 2, 3),
      users: fc.integer({ min: 0, max: 4 }),
      products: fc.integer({ min: 0, max: 4 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      ms: fc.integer({ min: 0, max: 5000 }),
    }),
    weight: 2,
  },
);

// ---- the reference model ----------------------------------------------------------------------

const WRITE_FIELDS: Record<Collection, readonly string[]> = {
  users: ['name', 'email', 'role'],
  products: ['name', 'price_cents', 'stock'],
};
const DEFAULTS: Record<Collection, Record<string, unknown>> = {
  users: { role: 'member' },
  products: {},
};
const PREFIX: Record<Collection, string> = { users: 'usr_', products: 'prd_' };

/** Seeded rows per (seed, sizes), read once from a fresh instance: the seed itself is tested elsewhere. */
const seeds = new Map<string, Record<Collection, Row[]>>();
function seeded(seed: number, users: number, products: number): Record<Collection, Row[]> {
  const key = `${seed}/${users}/${products}`;
  let rows = seeds.get(key);
  if (!rows) {
    const fresh = snapshot(makeApi({ seed, sizes: { users, products } })).rows;
    rows = { users: fresh.users ?? [], products: fresh.products ?? [] };
    seeds.set(key, rows);
  }
  return rows;
}

class Model {
  rows: Record<Collection, Map<string, Row>> = { users: new Map(), products: new Map() };
  /** Ids deleted since the last reset, for "DELETE again → 404". */
  gone: Record<Collection, string[]> = { users: [], products: [] };
  now = START_MS;

  reset(seed: number, users: number, products: number) {
    const rows = seeded(seed, users, products);
    for (const name of ['users', 'products'] as const) {
      this.rows[name] = new Map(rows[name].map((row) => [row.id, row]));
      this.gone[name] = [];
    }
  }

  /** The row an email belongs to, case-insensitively. */
  emailHolder(email: unknown): string | undefined {
    const wanted = String(email).toLowerCase();
    for (const row of this.rows.users.values()) {
      if (String(row.email).toLowerCase() === wanted) return row.id;
    }
    return undefined;
  }

  resolve(collection: Collection, target: Ref): string {
    if (target.kind === 'never') return `${PREFIX[collection]}neverexist`;
    const ids =
      target.kind === 'live' ? [...this.rows[collection].keys()].sort() : this.gone[collection];
    return ids.length
      ? (ids[target.pick % ids.length] as string)
      : `${PREFIX[collection]}neverexist`;
  }

  /** Turns generated field values into JSON values; returns which pointers are invalid. */
  materialise(b: Body): { json: Record<string, unknown>; bad: Set<string> } {
    const json: Record<string, unknown> = {};
    const bad = new Set<string>();
    const users = [...this.rows.users.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
    for (const [name, f] of Object.entries(b.fields)) {
      if (!f.present) continue;
      if (f.value === 'null') {
        json[name] = null;
      } else if ('copyOf' in f.value) {
        const source = users.length ? users[f.value.copyOf % users.length] : undefined;
        const email = String(source?.email ?? 'nobody@example.com');
        json[name] = f.value.upper ? email.toUpperCase() : email.toLowerCase();
      } else {
        json[name] = f.value.value;
        if (!f.value.valid) bad.add(`/${name}`);
      }
    }
    if (b.extra) {
      json[b.extra] = 'x';
      bad.add(`/${b.extra}`);
    }
    return { json, bad };
  }
}

interface Expected {
  status: number;
  type?: string;
  pointers?: string[];
  conflictingId?: string;
  body?: unknown;
}

/** Applies a write's field values the way the resource defines them; null in a patch removes. */
function candidate(
  c: Collection,
  json: Record<string, unknown>,
  bad: Set<string>,
  base: Record<string, unknown>,
  isPatch: boolean,
): { fields?: Record<string, unknown>; expected?: Expected } {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(json)) {
    if (!WRITE_FIELDS[c].includes(key)) continue;
    if (isPatch && value === null) delete merged[key];
    else merged[key] = value;
  }
  for (const key of WRITE_FIELDS[c]) {
    if (merged[key] === undefined && !(key in DEFAULTS[c])) bad.add(`/${key}`);
    if (merged[key] === null) bad.add(`/${key}`);
  }
  if (bad.size)
    return { expected: { status: 422, type: 'validation-failed', pointers: [...bad].sort() } };
  const fields: Record<string, unknown> = { ...DEFAULTS[c] };
  for (const key of WRITE_FIELDS[c]) if (merged[key] !== undefined) fields[key] = merged[key];
  return { fields };
}

function step(model: Model, o: Op): { request?: [string, string, unknown]; expected: Expected } {
  const stamp = toRfc3339(model.now);
  switch (o.op) {
    case 'advance':
      model.now += o.ms;
      return {
        request: ['POST', '/__admin/clock', { action: 'advance', ms: o.ms }],
        expected: {
          status: 200,
          body: { epoch_ms: model.now, now: toRfc3339(model.now), paused: true },
        },
      };
    case 'reset':
      model.reset(o.seed, o.users, o.products);
      return {
        request: [
          'POST',
          '/__admin/reset',
          { seed: o.seed, sizes: { users: o.users, products: o.products } },
        ],
        expected: { status: 204 },
      };
    case 'list': {
      const path = `/api/v1/${o.collection}?offset=${o.offset}&limit=${o.limit}`;
      if (o.limit < 1 || o.limit > 100) {
        return {
          request: ['GET', path, undefined],
          expected: { status: 400, type: 'invalid-parameter' },
        };
      }
      const all = [...model.rows[o.collection].values()].sort((a, b) =>
        a.created_at !== b.created_at
          ? a.created_at < b.created_at
            ? 1
            : -1
          : a.id < b.id
            ? 1
            : -1,
      );
      return {
        request: ['GET', path, undefined],
        expected: {
          status: 200,
          body: {
            data: all.slice(o.offset, o.offset + o.limit),
            pagination: {
              offset: o.offset,
              limit: o.limit,
              total: all.length,
              // Signed per instance: the model predicts which exist, not their text.
              next_cursor: o.offset + o.limit < all.length ? expect.any(String) : null,
              prev_cursor: o.offset > 0 && all.length > 0 ? expect.any(String) : null,
            },
          },
        },
      };
    }
    case 'create': {
      const { json, bad } = model.materialise(o.body);
      const result = candidate(o.collection, json, bad, {}, false);
      const request: [string, string, unknown] = ['POST', `/api/v1/${o.collection}`, json];
      if (result.expected) return { request, expected: result.expected };
      const holder = o.collection === 'users' ? model.emailHolder(result.fields?.email) : undefined;
      if (holder)
        return {
          request,
          expected: { status: 409, type: 'duplicate-value', conflictingId: holder },
        };
      // The id is the server's to choose: the runner adopts it after checking it is new.
      return {
        request,
        expected: { status: 201, body: { ...result.fields, created_at: stamp, updated_at: stamp } },
      };
    }
    default: {
      const id = model.resolve(o.collection, o.ref);
      const path = `/api/v1/${o.collection}/${id}`;
      const current = model.rows[o.collection].get(id);
      const method = o.op.toUpperCase();
      const materialised = 'body' in o ? model.materialise(o.body) : undefined;
      const request: [string, string, unknown] = [method, path, materialised?.json];
      if (!current) return { request, expected: { status: 404, type: 'not-found' } };
      if (o.op === 'get') return { request, expected: { status: 200, body: current } };
      if (o.op === 'delete') {
        model.rows[o.collection].delete(id);
        model.gone[o.collection].push(id);
        return { request, expected: { status: 204 } };
      }
      const { json, bad } = materialised as NonNullable<typeof materialised>;
      const base = o.op === 'patch' ? pickFields(current, WRITE_FIELDS[o.collection]) : {};
      const result = candidate(o.collection, json, bad, base, o.op === 'patch');
      if (result.expected) return { request, expected: result.expected };
      const fields = result.fields as Record<string, unknown>;
      if (o.collection === 'users') {
        const holder = model.emailHolder(fields.email);
        if (holder && holder !== id) {
          return {
            request,
            expected: { status: 409, type: 'duplicate-value', conflictingId: holder },
          };
        }
      }
      const changed = WRITE_FIELDS[o.collection].some((key) => current[key] !== fields[key]);
      const next: Row = changed
        ? { id, ...fields, created_at: current.created_at, updated_at: stamp }
        : current;
      model.rows[o.collection].set(id, next);
      return { request, expected: { status: 200, body: next } };
    }
  }
}

function pickFields(row: Row, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (row[key] !== undefined) out[key] = row[key];
  return out;
}

async function run(api: Api, model: Model, ops: readonly Op[]): Promise<void> {
  for (const [index, o] of ops.entries()) {
    const { request, expected } = step(model, o);
    if (!request) continue;
    const [method, path, json] = request;
    const reply = await call(api, method, path, json === undefined ? {} : { json });
    const where = `step ${index}: ${method} ${path} ${JSON.stringify(json) ?? ''} → ${reply.status} ${reply.text}`;

    expect(reply.status, where).toBe(expected.status);
    if (expected.type) {
      expect(reply.headers.get('Content-Type'), where).toBe('application/problem+json');
      expect(reply.json.type, where).toBe(`/problems/${expected.type}`);
      expect(reply.json.status, where).toBe(expected.status);
    }
    if (expected.pointers) expect(pointers(reply.json), where).toEqual(expected.pointers);
    if (expected.conflictingId)
      expect(reply.json.conflicting_id, where).toBe(expected.conflictingId);
    if (o.op === 'create' && expected.status === 201) {
      const id = reply.json.id as string;
      expect(id, where).toMatch(new RegExp(`^${PREFIX[o.collection]}[0-9a-z]{10}$`));
      expect(model.rows[o.collection].has(id) || model.gone[o.collection].includes(id), where).toBe(
        false,
      );
      expect(reply.headers.get('Location'), where).toBe(`/api/v1/${o.collection}/${id}`);
      const row = { id, ...(expected.body as object) } as Row;
      expect(reply.json, where).toEqual(row);
      model.rows[o.collection].set(id, row);
    } else if (expected.body !== undefined) {
      expect(reply.json, where).toEqual(expected.body);
    } else if (expected.status === 204) {
      expect(reply.text, where).toBe('');
    }
    // The whole store agrees with the model after every step, not only the answers.
    const actual = snapshot(api).rows;
    for (const name of ['users', 'products'] as const) {
      const byId = (rows: Iterable<Row>) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(byId(actual[name] ?? []), `${where} (store ${name})`).toEqual(
        byId(model.rows[name].values()),
      );
    }
  }
}

describe('CRUD against a reference model (fast-check)', () => {
  it('agrees on every status and body over 1,000 random sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30, size: 'max' }), async (ops) => {
        const api = makeApi({ seed: 1, sizes: { users: 3, products: 3 } });
        const model = new Model();
        model.reset(1, 3, 3);
        await run(api, model, ops);
      }),
      { numRuns: 1000 },
    );
  });
});
