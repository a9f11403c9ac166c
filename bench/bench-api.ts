import { createApi, type Api } from '../src/api/create-api.ts';

export interface BenchApi {
  api: Api;
  /** A seeded user that every GET of the bench asks for. */
  userId: string;
  /** That user's JSON exactly as the full pipeline sends it: what the baselines answer with. */
  userBody: string;
}

/**
 * The API under test, made as the app makes it, with one change through the control API: when
 * rate limiting is configured, a quota that no bench run can use up. The limiter still runs and
 * stamps its headers on every request, so its cost is measured; it just never answers 429.
 * Shared by the bench page and the Node servers so both measure the same pipeline.
 */
export async function createBenchApi(
  origin: string,
  options: { without?: readonly string[]; sizes?: Record<string, number> } = {},
): Promise<BenchApi> {
  const api = createApi(options);
  const settings = (await (await api.fetch(new Request(`${origin}/__admin/settings`))).json()) as {
    rate_limit?: unknown;
  };
  if (settings.rate_limit !== undefined) {
    const patched = await api.fetch(
      new Request(`${origin}/__admin/settings`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ rate_limit: { quota: 1_000_000 } }),
      }),
    );
    if (patched.status !== 200) {
      throw new Error(`could not lift the rate limit for the bench: ${await patched.text()}`);
    }
  }

  const listed = await api.fetch(new Request(`${origin}/api/v1/users?limit=1`));
  const userId = ((await listed.json()) as { data: { id: string }[] }).data[0]?.id;
  if (userId === undefined) throw new Error('the seeded store has no users');
  const one = await api.fetch(new Request(`${origin}/api/v1/users/${encodeURIComponent(userId)}`));
  if (one.status !== 200) throw new Error(`GET of the bench user answered ${one.status}`);
  return { api, userId, userBody: await one.text() };
}
