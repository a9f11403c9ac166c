import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../events.ts';
import type { RowChange } from '../../store/store.ts';
import { call, expectProblem, makeApi, newProduct, newUser, snapshot } from '../../test-support.ts';

/** Throws on the first change of a write: the row is already in the store when it throws. */
function failMidWrite(error: unknown = new Error('boom: disk on fire at /srv/db')) {
  const seen: RowChange[] = [];
  const hook = (change: RowChange) => {
    seen.push(change);
    throw error;
  };
  return { hook, seen };
}

describe('500: an unexpected exception (API.md §1)', () => {
  const cases = [
    ['POST', 'users', () => ({ json: newUser('new') })],
    ['PUT', 'users', () => ({ json: newUser('put', { role: 'admin' }) })],
    ['PATCH', 'users', () => ({ json: { email: 'patched@example.com' } })],
    ['DELETE', 'users', () => ({})],
    ['POST', 'products', () => ({ json: newProduct('new') })],
    ['PATCH', 'products', () => ({ json: { stock: 0, price_cents: 1 } })],
  ] as const;

  it.each(cases)(
    '%s %s that throws mid-transaction → 500 problem, no stack, data exactly as before',
    async (method, resource, options) => {
      const api = makeApi();
      const first = (await call(api, 'GET', `/api/v1/${resource}?limit=1`)).json.data[0];
      const path = method === 'POST' ? `/api/v1/${resource}` : `/api/v1/${resource}/${first.id}`;
      const events: ApiEvent[] = [];
      api.events.subscribe((event) => events.push(event));
      const before = snapshot(api);
      const { hook, seen } = failMidWrite();
      api.env.store.writeHook = hook;

      const reply = await call(api, method, path, options());

      expect(seen).toHaveLength(1); // the write really happened before the throw
      const body = expectProblem(reply, 'internal-error', path);
      expect(Object.keys(body).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
      expect(reply.text).not.toMatch(/boom|disk|\/srv|at .*\(|\.ts:\d+|Error:/);
      expect(snapshot(api)).toEqual(before);
      expect(events.filter((event) => event.type === 'changes')).toEqual([]);

      // Once the fault is gone the same request succeeds, with the id it would have had.
      api.env.store.writeHook = undefined;
      const retry = await call(api, method, path, options());
      expect(retry.status).toBe(method === 'POST' ? 201 : method === 'DELETE' ? 204 : 200);
      if (method === 'POST') {
        const clean = makeApi();
        const expected = await call(clean, method, path, options());
        expect(retry.json).toEqual(expected.json);
      }
    },
  );

  it('a throw on the second change of a multi-row transaction undoes the first', () => {
    const api = makeApi();
    const { store } = api.env;
    const before = snapshot(api);
    const [a, b] = [...store.collection('users').all()];
    let count = 0;
    store.writeHook = () => {
      if (++count === 2) throw new Error('second write fails');
    };
    expect(() =>
      store.transaction(() => {
        store.delete('users', a?.id ?? '');
        store.replace('users', { ...(b as NonNullable<typeof b>), name: 'Changed' });
      }),
    ).toThrow('second write fails');
    expect(snapshot(api)).toEqual(before);
  });

  it('a thrown non-Error is a 500 too', async () => {
    const api = makeApi();
    const before = snapshot(api);
    api.env.store.writeHook = failMidWrite('a string, not an Error').hook;
    const reply = await call(api, 'POST', '/api/v1/users', { json: newUser(1) });
    expectProblem(reply, 'internal-error');
    expect(snapshot(api)).toEqual(before);
  });

  it('the journal says why, the response does not', async () => {
    const api = makeApi();
    api.env.store.writeHook = failMidWrite().hook;
    await call(api, 'POST', '/api/v1/users', { json: newUser(1) });
    const [entry] = (await call(api, 'GET', '/__admin/requests')).json.data;
    expect(entry.response.status).toBe(500);
    const rules = entry.notes.map((note: { rule: string }) => note.rule).join('\n');
    expect(rules).toContain('boom');
    expect(rules).toMatch(/rolled back/);
  });
});
