import { expect, test } from '@playwright/test';
import { openApp, pageFetch } from './support.ts';

test('the built page is controlled by the worker and answers /api with JSON', async ({ page }) => {
  await openApp(page);
  const answer = await pageFetch(page, 'GET', '/api/v1/users?limit=2');
  expect(answer.status).toBe(200);
  expect(answer.headers['content-type']).toBe('application/json');
  expect(answer.headers['x-request-id']).toBeTruthy();
  expect(answer.json).toMatchObject({ pagination: { offset: 0, limit: 2, total: 50 } });
  expect((answer.json as { data: unknown[] }).data).toHaveLength(2);
});

test('problems come through the worker as application/problem+json', async ({ page }) => {
  await openApp(page);
  const missing = await pageFetch(page, 'GET', '/api/v1/users/usr_nope');
  expect(missing.status).toBe(404);
  expect(missing.headers['content-type']).toBe('application/problem+json');
  expect(missing.json).toMatchObject({
    type: '/problems/not-found',
    status: 404,
    instance: '/api/v1/users/usr_nope',
  });

  const wrongMethod = await pageFetch(page, 'DELETE', '/api/v1/users');
  expect(wrongMethod.status).toBe(405);
  expect(wrongMethod.headers['allow']).toBe('GET, HEAD, POST, OPTIONS');
  expect(wrongMethod.headers['content-type']).toBe('application/problem+json');

  const wrongType = await pageFetch(page, 'PATCH', '/api/v1/users/usr_nope', {
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect([wrongType.status, wrongType.headers['content-type']]).toEqual([
    404,
    'application/problem+json',
  ]);

  // Past max_body_bytes the core stops reading; the worker must still deliver its answer.
  const tooLarge = await pageFetch(page, 'POST', '/api/v1/users', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Big', email: 'big@example.com', pad: 'x'.repeat(70_000) }),
  });
  expect(tooLarge.status).toBe(413);
  expect(tooLarge.json).toMatchObject({ type: '/problems/content-too-large', status: 413 });

  const options = await pageFetch(page, 'OPTIONS', '/api/v1/users/any');
  expect(options.status).toBe(204);
  expect(options.headers['allow']).toBe('GET, HEAD, PUT, PATCH, DELETE, OPTIONS');
  expect(options.headers['accept-patch']).toBe('application/merge-patch+json');
});
