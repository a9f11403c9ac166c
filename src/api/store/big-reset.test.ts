import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../events.ts';
import { call, makeApi } from '../test-support.ts';
import { GRADUAL_SEED_ROWS } from './store.ts';

const BIG = GRADUAL_SEED_ROWS + 500;
const total = async (api: ReturnType<typeof makeApi>) =>
  (await call(api, 'GET', '/api/v1/users?limit=1')).json.pagination.total as number;

describe('POST /__admin/reset with a big seed (docs/decisions/0005)', () => {
  it('keeps answering from the current data while it builds, then swaps at once', async () => {
    const api = makeApi();
    const events: ApiEvent['type'][] = [];
    api.events.subscribe((event) => events.push(event.type));
    const resetting = call(api, 'POST', '/__admin/reset', { json: { sizes: { users: BIG } } });
    // The build yields to the event loop: other requests are answered meanwhile, from the old data.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await total(api)).toBe(50);
    expect((await resetting).status).toBe(204);
    expect(await total(api)).toBe(BIG);
    expect(events.filter((type) => type === 'seeding').length).toBeGreaterThan(0);
    expect(events.lastIndexOf('seeding')).toBeLessThan(events.lastIndexOf('reset'));
  });

  it('applies resets in the order they were asked for', async () => {
    const api = makeApi();
    const big = call(api, 'POST', '/__admin/reset', { json: { sizes: { users: BIG } } });
    const small = call(api, 'POST', '/__admin/reset', { json: { sizes: { users: 7 } } });
    expect((await Promise.all([big, small])).map((reply) => reply.status)).toEqual([204, 204]);
    expect(await total(api)).toBe(7);
  });
});
