import { describe, expect, it } from 'vitest';
import {
  expectEmpty,
  expectJson,
  expectProblem,
  json,
  listUsers,
  mergePatch,
  RFC3339,
  USERS,
  type ContractTarget,
} from './contract-target.ts';

interface ClockBody {
  epoch_ms: number;
  now: string;
  paused: boolean;
}

interface Settings {
  limits: { max_body_bytes: number; max_page_size: number; default_page_size: number };
}

interface JournalBody {
  data: {
    id: string;
    started_at: string;
    duration_ms: number;
    method: string;
    url: string;
    request: { headers: Record<string, string>; body: string | null };
    response: { status: number; headers: Record<string, string>; body: string | null };
    notes: { rule: string }[];
  }[];
}

/** API.md §4: the control API under /__admin. */
export function adminContract(target: ContractTarget): void {
  const settings = async () =>
    expectJson<Settings>(await target.fetch('GET', '/__admin/settings'), 200);
  const journal = async (limit: number) =>
    expectJson<JournalBody>(await target.fetch('GET', `/__admin/requests?limit=${limit}`), 200);

  describe('§4 reset', () => {
    it('puts the data back to the seed', async () => {
      const [user] = (await listUsers(target, '?limit=1')).data;
      await expectEmpty(await target.fetch('DELETE', `${USERS}/${user?.id}`), 204);
      await target.fetch('POST', USERS, json({ name: 'Gone Soon', email: 'gone@example.com' }));
      await expectEmpty(await target.fetch('POST', '/__admin/reset'), 204);
      expect(await expectJson(await target.fetch('GET', `${USERS}/${user?.id}`), 200)).toEqual(
        user,
      );
      expect((await listUsers(target)).pagination.total).toBe(50);
    });

    it('takes sizes, and refuses an invalid body with 422 changing nothing', async () => {
      await expectEmpty(
        await target.fetch('POST', '/__admin/reset', json({ sizes: { users: 3 } })),
        204,
      );
      expect((await listUsers(target)).pagination.total).toBe(3);
      for (const body of [{ sizes: { users: -1 } }, { seed: 'x' }, { wipe: true }]) {
        const response = await target.fetch('POST', '/__admin/reset', json(body));
        await expectProblem(response, 422, 'validation-failed', '/__admin/reset');
      }
      expect((await listUsers(target)).pagination.total).toBe(3);
    });
  });

  describe('§4 settings', () => {
    it('reads, merge-patches, keeps across reset, and restores defaults', async () => {
      const defaults = await settings();
      expect(defaults.limits).toEqual({
        max_body_bytes: 65_536,
        max_page_size: 100,
        default_page_size: 20,
      });
      const patched = await target.fetch(
        'PATCH',
        '/__admin/settings',
        mergePatch({ limits: { default_page_size: 5 } }),
      );
      expect((await expectJson<Settings>(patched, 200)).limits).toEqual({
        ...defaults.limits,
        default_page_size: 5,
      });
      expect((await listUsers(target)).data).toHaveLength(5);
      await expectEmpty(await target.fetch('POST', '/__admin/reset'), 204);
      expect((await settings()).limits.default_page_size).toBe(5);
      const restored = await target.fetch('DELETE', '/__admin/settings');
      expect(restored.ok).toBe(true);
      expect(await settings()).toEqual(defaults);
    });

    it('refuses invalid settings with 422 and changes nothing', async () => {
      const before = await settings();
      for (const patch of [
        { limits: { default_page_size: 0 } },
        { limits: { default_page_size: 500 } },
        { limits: { max_body_bytes: 'big' } },
        { unknown_section: {} },
      ]) {
        const response = await target.fetch('PATCH', '/__admin/settings', mergePatch(patch));
        await expectProblem(response, 422, 'validation-failed', '/__admin/settings');
      }
      const plainJson = await target.fetch('PATCH', '/__admin/settings', json({ limits: {} }));
      expect(plainJson.headers.get('Accept-Patch')).toBe('application/merge-patch+json');
      await expectProblem(plainJson, 415, 'unsupported-media-type', '/__admin/settings');
      expect(await settings()).toEqual(before);
    });
  });

  describe('§4 clock', () => {
    it('pauses, sets, advances exactly, and resumes', async () => {
      const read = async () =>
        expectJson<ClockBody>(await target.fetch('GET', '/__admin/clock'), 200);
      const send = async (command: Record<string, unknown>) =>
        expectJson<ClockBody>(await target.fetch('POST', '/__admin/clock', json(command)), 200);
      const start = await read();
      expect(start).toEqual({
        epoch_ms: expect.any(Number),
        now: expect.stringMatching(RFC3339),
        paused: false,
      });
      try {
        expect((await send({ action: 'pause' })).paused).toBe(true);
        const epoch = Date.UTC(2031, 5, 15, 12);
        expect(await send({ action: 'set', epoch_ms: epoch })).toEqual({
          epoch_ms: epoch,
          now: '2031-06-15T12:00:00.000Z',
          paused: true,
        });
        expect((await send({ action: 'advance', ms: 2_500 })).epoch_ms).toBe(epoch + 2_500);
        expect(await read()).toEqual({
          epoch_ms: epoch + 2_500,
          now: '2031-06-15T12:00:02.500Z',
          paused: true,
        });
        for (const bad of [
          { action: 'warp' },
          { action: 'advance' },
          { action: 'set', epoch_ms: -1 },
        ]) {
          const response = await target.fetch('POST', '/__admin/clock', json(bad));
          await expectProblem(response, 422, 'validation-failed', '/__admin/clock');
        }
        expect((await read()).epoch_ms).toBe(epoch + 2_500);
      } finally {
        await send({ action: 'set', epoch_ms: Date.now() });
        expect((await send({ action: 'resume' })).paused).toBe(false);
      }
    });
  });

  describe('§4 journal', () => {
    it('records API requests newest first, with notes, but never /__admin calls', async () => {
      await target.fetch('GET', `${USERS}?limit=1`, { headers: { 'X-Request-Id': 'contract-1' } });
      await target.fetch('GET', `${USERS}/usr_nope`, { headers: { 'X-Request-Id': 'contract-2' } });
      await target.fetch('GET', '/__admin/clock');
      const { data } = await journal(2);
      expect(data.map((entry) => entry.id)).toEqual(['contract-2', 'contract-1']);
      const [missing] = data;
      expect(missing).toMatchObject({
        method: 'GET',
        url: `${USERS}/usr_nope`,
        started_at: expect.stringMatching(RFC3339),
        duration_ms: expect.any(Number),
        request: { headers: expect.any(Object), body: null },
        response: {
          status: 404,
          headers: expect.any(Object),
          body: expect.stringContaining('/problems/not-found'),
        },
      });
      expect(missing?.notes.length).toBeGreaterThan(0);
      expect(missing?.notes.map((entry) => entry.rule).join(' ')).toMatch(/404/);
    });

    it('records write bodies, and is emptied by DELETE and by reset', async () => {
      const body = JSON.stringify({ name: 'Journaled', email: 'journaled@example.com' });
      await target.fetch('POST', USERS, { headers: { 'Content-Type': 'application/json' }, body });
      const [entry] = (await journal(1)).data;
      expect(entry?.request.body).toBe(body);
      expect(entry?.response.status).toBe(201);
      await expectEmpty(await target.fetch('DELETE', '/__admin/requests'), 204);
      expect((await journal(10)).data).toEqual([]);
      await target.fetch('GET', USERS);
      await expectEmpty(await target.fetch('POST', '/__admin/reset', json({})), 204);
      expect((await journal(10)).data).toEqual([]);
    });
  });
}
