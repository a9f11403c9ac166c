import { describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../api/create-api.ts';
import { PROBLEM_TYPES, type ProblemSlug } from '../../api/problems.ts';
import { PROBLEM_EXAMPLES } from './examples.ts';
import { runExample, type ExampleTransport } from './run-example.ts';

/** Straight into the core, the way the page's requests reach it through the service worker. */
function transportFor(api: Api): ExampleTransport {
  return async ({ method, path, headers, body }) => {
    const response = await api.fetch(
      new Request('http://localhost' + path, { method, headers, body }),
    );
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('Content-Type') ?? '');
    return {
      status: response.status,
      headers: [...response.headers],
      text,
      json: isJson && text !== '' ? JSON.parse(text) : undefined,
    };
  };
}

const freshApi = () => createApi({ clock: { startEpochMs: 1767312000000, paused: true } });
const slugs = Object.keys(PROBLEM_TYPES) as ProblemSlug[];

describe('problem examples', () => {
  it.each(slugs)('%s: its example yields that problem', async (slug) => {
    const example = PROBLEM_EXAMPLES[slug];
    const expected = PROBLEM_TYPES[slug];
    if (example.kind === 'representative') {
      expect(example.body.type).toBe(`/problems/${slug}`);
      expect(example.body.status).toBe(expected.status);
      expect(example.body.title).toBe(expected.title);
      return;
    }
    const api = freshApi();
    const before = structuredClone(api.env.settings.current);
    const results = await runExample(example.steps, transportFor(api));
    // What the example changed, its `after` steps put back.
    if (example.after) await runExample(example.after, transportFor(api));
    expect(api.env.settings.current).toEqual(before);
    const last = results.at(-1);
    // Earlier steps set the scene; only the last one may fail.
    for (const { response, request } of results.slice(0, -1))
      expect(response.status, `${request.method} ${request.path}`).toBeLessThan(400);
    expect(last?.response.status).toBe(expected.status);
    expect(last?.response.headers).toContainEqual(['content-type', 'application/problem+json']);
    expect(last?.response.json).toMatchObject({
      type: `/problems/${slug}`,
      status: expected.status,
    });
  });

  it('shows internal-error as the core really answers a failed write', async () => {
    const example = PROBLEM_EXAMPLES['internal-error'];
    if (example.kind !== 'representative') return;
    const api = freshApi();
    api.env.store.writeHook = () => {
      throw new Error('injected');
    };
    const [result] = await runExample(
      [
        {
          method: 'POST',
          path: example.body.instance,
          headers: { 'Content-Type': 'application/json' },
          body: '{"name": "Ada", "email": "ada@example.com"}',
        },
      ],
      transportFor(api),
    );
    const { type, title, status, detail, instance } = example.body;
    expect(result?.response.json).toEqual({ type, title, status, detail, instance });
  });
});
