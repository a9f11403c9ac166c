import { describe, expect, it } from 'vitest';
import {
  expectJson,
  expectProblem,
  json,
  USERS,
  type ContractTarget,
  type ListBody,
} from './contract-target.ts';

/** rel → target of a Link header (RFC 8288), as a client reads it. */
function links(response: Response): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of (response.headers.get('Link') ?? '').matchAll(/<([^>]*)>;\s*rel="(\w+)"/g))
    found[match[2] as string] = match[1] as string;
  return found;
}

/** API.md §3: cursors, sorts and Link headers, the same over every transport. */
export function paginationContract(target: ContractTarget): void {
  describe('§3 pagination', () => {
    const page = async (path: string) => {
      const response = await target.fetch('GET', path);
      return { links: links(response), body: await expectJson<ListBody>(response, 200) };
    };

    it('walks by cursor through the Link header, each row once, and prev goes back', async () => {
      const first = await page(`${USERS}?limit=15&sort=name`);
      expect(first.links.next).toBe(`${USERS}?limit=15&sort=name&offset=15`);
      const seen = first.body.data.map((user) => user.id);
      let next = `${USERS}?limit=15&sort=name&cursor=${first.body.pagination.next_cursor}`;
      let last = first;
      while (next) {
        last = await page(next);
        expect(last.body.pagination).not.toHaveProperty('total');
        seen.push(...last.body.data.map((user) => user.id));
        next = last.links.next ?? '';
      }
      expect(seen).toHaveLength(50);
      expect(new Set(seen).size).toBe(50);
      const names = (await page(`${USERS}?limit=50&sort=name`)).body.data.map((user) => user.id);
      expect(seen).toEqual(names);
      const back = await page(last.links.prev as string);
      expect(back.body.data.map((user) => user.id)).toEqual(seen.slice(30, 45));
    });

    it('a cursor survives the deletion of its boundary row', async () => {
      const first = await page(`${USERS}?limit=5`);
      const expected = (await page(`${USERS}?limit=5&offset=5`)).body.data;
      const boundary = first.body.data[4]?.id;
      expect((await target.fetch('DELETE', `${USERS}/${boundary}`)).status).toBe(204);
      await target.fetch('POST', USERS, json({ name: 'Newer', email: 'newer.row@example.com' }));
      const next = await page(`${USERS}?limit=5&cursor=${first.body.pagination.next_cursor}`);
      expect(next.body.data).toEqual(expected);
    });

    it('refuses a changed cursor, offset with cursor, and an unknown sort', async () => {
      const { body } = await page(`${USERS}?limit=5`);
      const cursor = body.pagination.next_cursor ?? '';
      const changed = (cursor[0] === 'A' ? 'B' : 'A') + cursor.slice(1);
      const tampered = await target.fetch('GET', `${USERS}?cursor=${changed}`);
      const problem = await expectProblem(tampered, 400, 'invalid-cursor', USERS);
      expect(problem.errors).toEqual([{ parameter: 'cursor', detail: expect.any(String) }]);
      const both = await target.fetch('GET', `${USERS}?offset=5&cursor=${cursor}`);
      await expectProblem(both, 400, 'invalid-parameter', USERS);
      const sort = await target.fetch('GET', `${USERS}?sort=email`);
      expect((await expectProblem(sort, 400, 'invalid-parameter', USERS)).errors).toEqual([
        { parameter: 'sort', detail: expect.any(String) },
      ]);
    });
  });
}
