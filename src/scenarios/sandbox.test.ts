import { describe, expect, it } from 'vitest';
import { createApi } from '../api/create-api.ts';
import { call, newProduct, newUser, snapshot } from '../api/test-support.ts';
import { Sandbox, type SandboxHost } from './sandbox.ts';

const START = 1767312000000;

function setup(paused: boolean) {
  let real = 0;
  const api = createApi({ clock: { startEpochMs: START, paused }, realNow: () => real });
  const host: SandboxHost = {
    transport: { origin: 'http://localhost', fetch: (request) => api.fetch(request) },
    realNow: () => real,
  };
  return { api, host, tick: (ms: number) => (real += ms) };
}

/** What the user did before opening a lab: every kind of change, at various instants. */
async function userEdits(api: ReturnType<typeof createApi>) {
  const users = [...api.env.store.collection('users').all()];
  const products = [...api.env.store.collection('products').all()];
  await call(api, 'POST', '/__admin/clock', { json: { action: 'advance', ms: 5000 } });
  await call(api, 'POST', '/api/v1/users', { json: newUser(1) });
  const gone = (await call(api, 'POST', '/api/v1/users', { json: newUser(2) })).json;
  await call(api, 'DELETE', `/api/v1/users/${gone.id}`);
  await call(api, 'POST', '/__admin/clock', { json: { action: 'advance', ms: 7000 } });
  await call(api, 'POST', '/api/v1/users', { json: newUser(3) });
  await call(api, 'PATCH', `/api/v1/users/${users[0]?.id}`, { json: { role: 'admin' } });
  await call(api, 'DELETE', `/api/v1/users/${users[1]?.id}`);
  await call(api, 'DELETE', `/api/v1/products/${products[2]?.id}`);
  await call(api, 'POST', '/api/v1/products', { json: newProduct(1) });
  await call(api, 'PATCH', '/__admin/settings', { json: { rate_limit: { quota: 7 } } });
}

/** What the drift lab does: its own data, its own paused clock, inserts and deletes. */
async function experiment(api: ReturnType<typeof createApi>) {
  await call(api, 'POST', '/__admin/reset', { json: { sizes: { products: 20 } } });
  await call(api, 'POST', '/__admin/clock', { json: { action: 'pause' } });
  await call(api, 'POST', '/__admin/clock', { json: { action: 'set', epoch_ms: START } });
  await call(api, 'POST', '/api/v1/products', { json: newProduct(9) });
  await call(api, 'PATCH', '/__admin/settings', {
    json: { rate_limit: { algorithm: 'fixed_window' } },
  });
}

describe('a sandbox puts the world back', () => {
  it('the rows, ids, timestamps, sequences, settings and a paused clock, exactly', async () => {
    const { api, host } = setup(true);
    await userEdits(api);
    await call(api, 'POST', '/__admin/clock', {
      json: { action: 'set', epoch_ms: START + 42_000 },
    });
    const before = snapshot(api);
    const settings = structuredClone(api.env.settings.current);
    const sandbox = new Sandbox(host);
    await sandbox.enter({ data: true });
    expect(sandbox.active).toBe(true);
    await experiment(api);
    expect(snapshot(api)).not.toEqual(before);

    await sandbox.leave();
    expect(sandbox.active).toBe(false);
    expect(snapshot(api)).toEqual(before);
    expect(api.env.settings.current).toEqual(settings);
    expect(api.env.clock.state()).toMatchObject({ epoch_ms: START + 42_000, paused: true });
    // The next row gets the id it would have had.
    const next = (await call(api, 'POST', '/api/v1/users', { json: newUser(4) })).json;
    const fresh = createApi({ clock: { startEpochMs: START, paused: true } });
    await userEdits(fresh);
    expect((await call(fresh, 'POST', '/api/v1/users', { json: newUser(4) })).json.id).toBe(
      next.id,
    );
  });

  it('a running clock keeps running, as if the experiment had not happened', async () => {
    const { api, host, tick } = setup(false);
    const sandbox = new Sandbox(host);
    const at = api.env.clock.state().epoch_ms;
    await sandbox.enter({ data: false });
    await experiment(api);
    tick(3000);
    await sandbox.leave();
    expect(api.env.clock.state()).toMatchObject({ epoch_ms: at + 3000, paused: false });
  });

  it('entering twice saves once: the first world is the one put back', async () => {
    const { api, host } = setup(true);
    const sandbox = new Sandbox(host);
    await sandbox.enter({ data: false });
    await call(api, 'POST', '/__admin/clock', { json: { action: 'advance', ms: 999 } });
    await sandbox.enter({ data: true });
    await experiment(api);
    await sandbox.leave();
    expect(api.env.clock.state().epoch_ms).toBe(START);
    await sandbox.leave();
    expect(api.env.clock.state().epoch_ms).toBe(START);
  });
});

describe('an experiment that only moves the clock', () => {
  it('keeps the settings the user chose meanwhile; a later scenario adds the settings to the save', async () => {
    const { api, host } = setup(true);
    const sandbox = new Sandbox(host);
    await sandbox.enter();
    await call(api, 'POST', '/__admin/clock', { json: { action: 'advance', ms: 20_000 } });
    // The user applies a policy of their own while the lab is open: it is theirs to keep.
    await call(api, 'PATCH', '/__admin/settings', { json: { rate_limit: { quota: 9 } } });
    await sandbox.enter({ settings: true });
    await call(api, 'PATCH', '/__admin/settings', { json: { rate_limit: { quota: 1 } } });
    await sandbox.leave();
    expect(api.env.settings.current.rate_limit.quota).toBe(9);
    expect(api.env.clock.state()).toMatchObject({ epoch_ms: START, paused: true });
  });
});

describe('a reload in the middle of an experiment', () => {
  it('keeps the saved world, and a new page puts it back', async () => {
    const { api, host } = setup(true);
    let kept: unknown;
    const keep = {
      save: (world: unknown) => void (kept = structuredClone(world)),
      load: () => kept as never,
    };
    await userEdits(api);
    const before = snapshot(api);
    await new Sandbox({ ...host, keep }).enter({ data: true });
    await experiment(api);
    // The page reloads: a new sandbox, the same storage.
    await new Sandbox({ ...host, keep }).recover();
    expect(snapshot(api)).toEqual(before);
    expect(kept).toBeUndefined();
  });
});
