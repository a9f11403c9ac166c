import { describe, expect, it } from 'vitest';
import { createApi } from './create-api.ts';
import { restoreGradually } from './restore.ts';
import { call, newUser, snapshot } from './test-support.ts';

describe('restoreGradually', () => {
  it('rebuilds the same data as restoring in one step, big seed included', async () => {
    const clock = { startEpochMs: Date.UTC(2026, 0, 2), paused: true };
    const original = createApi({ seed: 9, sizes: { users: 60_000, products: 10 }, clock });
    const created = await call(original, 'POST', '/api/v1/users', { json: newUser(1) });
    expect(created.status).toBe(201);
    const firstId = original.env.store.collection('users').newestFirst(1, 1)[0]?.id ?? '';
    expect((await call(original, 'DELETE', `/api/v1/users/${firstId}`)).status).toBe(204);

    const saved = {
      meta: original.env.store.meta,
      rows: [
        ['users', created.json.id, created.json] as [string, string, never],
        ['users', firstId, null] as [string, string, null],
      ],
      settings: original.env.settings.current,
    };
    const restored = createApi({
      restore: { ...saved, meta: { seed: 9, sizes: {}, sequences: {} }, rows: [] },
      clock,
    });
    await restoreGradually(restored, saved);

    expect(snapshot(restored)).toEqual(snapshot(original));
    expect(restored.env.store.meta).toEqual(original.env.store.meta);
  });
});
