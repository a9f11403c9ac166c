import { describe, expect, it } from 'vitest';
import {
  expectEmpty,
  expectJson,
  expectProblem,
  json,
  listUsers,
  mergePatch,
  PRODUCTS,
  reset,
  RFC3339,
  USERS,
  type ContractTarget,
  type ListBody,
  type UserBody,
} from './contract-target.ts';

interface ProductBody {
  id: string;
  name: string;
  price_cents: number;
  stock: number;
  created_at: string;
  updated_at: string;
}

const clock = (target: ContractTarget, command: Record<string, unknown>) =>
  target.fetch('POST', '/__admin/clock', json(command));

/** API.md §2: CRUD on users and products, ids, timestamps, offset pages. */
export function resourcesContract(target: ContractTarget): void {
  describe('§2 users CRUD', () => {
    it('creates, reads, replaces, patches and deletes a user', async () => {
      const created = await target.fetch(
        'POST',
        USERS,
        json({ name: 'Ada Contract', email: 'ada.contract@example.com', role: 'admin' }),
      );
      const user = await expectJson<UserBody>(created, 201);
      expect(created.headers.get('Location')).toBe(`${USERS}/${user.id}`);
      expect(user).toMatchObject({
        name: 'Ada Contract',
        email: 'ada.contract@example.com',
        role: 'admin',
      });
      expect(user.id).toEqual(expect.any(String));
      expect(user.created_at).toMatch(RFC3339);
      expect(user.updated_at).toBe(user.created_at);
      const location = created.headers.get('Location') ?? '';

      expect(await expectJson(await target.fetch('GET', location), 200)).toEqual(user);
      expect((await listUsers(target)).pagination.total).toBe(51);

      // PUT replaces the whole resource: a field left out takes its default.
      const replaced = await expectJson<UserBody>(
        await target.fetch(
          'PUT',
          location,
          json({ name: 'Ada Replaced', email: 'ada.r@example.com' }),
        ),
        200,
      );
      expect(replaced).toMatchObject({
        id: user.id,
        name: 'Ada Replaced',
        email: 'ada.r@example.com',
        role: 'member',
      });
      expect(replaced.created_at).toBe(user.created_at);

      // Merge patch: absent members stay as they are.
      const patched = await expectJson<UserBody>(
        await target.fetch('PATCH', location, mergePatch({ role: 'admin' })),
        200,
      );
      expect(patched).toMatchObject({
        name: 'Ada Replaced',
        email: 'ada.r@example.com',
        role: 'admin',
      });
      expect(await expectJson(await target.fetch('GET', location), 200)).toEqual(patched);

      await expectEmpty(await target.fetch('DELETE', location), 204);
      await expectProblem(await target.fetch('GET', location), 404, 'not-found', location);
      // Idempotent: the state after a second DELETE is the same, and the answer says it is gone.
      await expectProblem(await target.fetch('DELETE', location), 404, 'not-found', location);
      await expectProblem(
        await target.fetch('PUT', location, json({ name: 'X', email: 'x@x.io' })),
        404,
        'not-found',
        location,
      );
      expect((await listUsers(target)).pagination.total).toBe(50);
    });

    it('refuses a PUT that leaves out a required field, and a PATCH that nulls one', async () => {
      const [user] = (await listUsers(target, '?limit=1')).data;
      const path = `${USERS}/${user?.id}`;
      const put = await target.fetch('PUT', path, json({ name: 'No Email' }));
      const putProblem = await expectProblem(put, 422, 'validation-failed', path);
      expect(putProblem.errors).toContainEqual(expect.objectContaining({ pointer: '/email' }));
      const patch = await target.fetch('PATCH', path, mergePatch({ name: null }));
      const patchProblem = await expectProblem(patch, 422, 'validation-failed', path);
      expect(patchProblem.errors).toContainEqual(expect.objectContaining({ pointer: '/name' }));
      const readOnly = await target.fetch('PATCH', path, mergePatch({ id: 'usr_other' }));
      await expectProblem(readOnly, 422, 'validation-failed', path);
      expect(await expectJson(await target.fetch('GET', path), 200)).toEqual(user);
    });

    it('refuses to change an email to one another user holds', async () => {
      const [first, second] = (await listUsers(target, '?limit=2')).data;
      const path = `${USERS}/${second?.id}`;
      const response = await target.fetch(
        'PATCH',
        path,
        mergePatch({ email: first?.email.toUpperCase() }),
      );
      await expectProblem(response, 409, 'duplicate-value', path);
      expect(await expectJson(await target.fetch('GET', path), 200)).toEqual(second);
    });
  });

  describe('§2 products CRUD', () => {
    it('round-trips a product and validates its numbers', async () => {
      const created = await target.fetch(
        'POST',
        PRODUCTS,
        json({ name: 'Contract Kettle', price_cents: 1999, stock: 3 }),
      );
      const product = await expectJson<ProductBody>(created, 201);
      const location = `${PRODUCTS}/${product.id}`;
      expect(created.headers.get('Location')).toBe(location);
      const patched = await expectJson<ProductBody>(
        await target.fetch('PATCH', location, mergePatch({ stock: 0 })),
        200,
      );
      expect(patched).toMatchObject({ name: 'Contract Kettle', price_cents: 1999, stock: 0 });
      const bad = await target.fetch(
        'PUT',
        location,
        json({ name: 'Kettle', price_cents: 1.5, stock: -1 }),
      );
      const problem = await expectProblem(bad, 422, 'validation-failed', location);
      const pointers = (problem.errors ?? []).map((error) => error.pointer);
      expect(pointers).toEqual(expect.arrayContaining(['/price_cents', '/stock']));
      await expectEmpty(await target.fetch('DELETE', location), 204);
      await expectProblem(await target.fetch('GET', location), 404, 'not-found', location);
    });
  });

  describe('§2 ids, timestamps and pages', () => {
    it('seeds the same ids for the same seed, and others for another', async () => {
      const ids = async () => (await listUsers(target, '?limit=5')).data.map((user) => user.id);
      await reset(target, { seed: 7, sizes: { users: 10 } });
      const first = await ids();
      await reset(target, { seed: 7, sizes: { users: 10 } });
      expect(await ids()).toEqual(first);
      await reset(target, { seed: 8, sizes: { users: 10 } });
      expect(await ids()).not.toEqual(first);
    });

    it('stamps created_at and updated_at from the virtual clock', async () => {
      const epoch = Date.UTC(2030, 0, 1);
      try {
        await expectJson(await clock(target, { action: 'pause' }), 200);
        await expectJson(await clock(target, { action: 'set', epoch_ms: epoch }), 200);
        const created = await target.fetch(
          'POST',
          USERS,
          json({ name: 'Clocked', email: 'clocked@example.com' }),
        );
        const user = await expectJson<UserBody>(created, 201);
        expect(user.created_at).toBe('2030-01-01T00:00:00.000Z');
        await expectJson(await clock(target, { action: 'advance', ms: 90_000 }), 200);
        const patched = await target.fetch(
          'PATCH',
          `${USERS}/${user.id}`,
          mergePatch({ name: 'Clocked Later' }),
        );
        expect(await expectJson(patched, 200)).toMatchObject({
          created_at: '2030-01-01T00:00:00.000Z',
          updated_at: '2030-01-01T00:01:30.000Z',
        });
      } finally {
        await clock(target, { action: 'set', epoch_ms: Date.now() });
        await clock(target, { action: 'resume' });
      }
    });

    it('pages with offset and limit, newest first, with the total', async () => {
      const all = await listUsers(target, '?limit=100');
      expect(all.data).toHaveLength(50);
      const page = await listUsers(target, '?offset=48&limit=5');
      expect(page.pagination).toEqual({
        offset: 48,
        limit: 5,
        total: 50,
        next_cursor: null,
        prev_cursor: expect.any(String),
      });
      expect(page.data.map((user) => user.id)).toEqual(all.data.slice(48).map((user) => user.id));
      const past = await expectJson<ListBody>(
        await target.fetch('GET', `${USERS}?offset=500`),
        200,
      );
      expect(past.data).toEqual([]);
      const created = await expectJson<UserBody>(
        await target.fetch('POST', USERS, json({ name: 'Newest', email: 'newest@example.com' })),
        201,
      );
      expect((await listUsers(target, '?limit=1')).data[0]?.id).toBe(created.id);
      const products = await expectJson<ListBody<ProductBody>>(
        await target.fetch('GET', `${PRODUCTS}?limit=2`),
        200,
      );
      expect(products.pagination).toMatchObject({ offset: 0, limit: 2, total: 30 });
    });
  });
}
