import { expect, test } from '@playwright/test';
import { jsonBody, openApp, pageFetch } from './support.ts';

interface User {
  id: string;
  name: string;
  email: string;
  role: string;
  created_at: string;
  updated_at: string;
}

test('a CRUD round trip through the service worker', async ({ page }) => {
  await openApp(page);

  const created = await pageFetch(
    page,
    'POST',
    '/api/v1/users',
    jsonBody({ name: 'Grace Browser', email: 'grace.browser@example.com' }),
  );
  expect(created.status).toBe(201);
  expect(created.headers['content-type']).toBe('application/json');
  const user = created.json as User;
  expect(user).toMatchObject({ name: 'Grace Browser', role: 'member' });
  const location = `/api/v1/users/${user.id}`;
  expect(created.headers['location']).toBe(location);

  const read = await pageFetch(page, 'GET', location);
  expect(read.status).toBe(200);
  expect(read.json).toEqual(user);

  const replaced = await pageFetch(
    page,
    'PUT',
    location,
    jsonBody({ name: 'Grace Replaced', email: 'grace.replaced@example.com', role: 'admin' }),
  );
  expect(replaced.status).toBe(200);
  expect(replaced.json).toMatchObject({
    id: user.id,
    name: 'Grace Replaced',
    email: 'grace.replaced@example.com',
    role: 'admin',
    created_at: user.created_at,
  });

  const patched = await pageFetch(page, 'PATCH', location, {
    headers: { 'Content-Type': 'application/merge-patch+json' },
    body: JSON.stringify({ name: 'Grace Patched' }),
  });
  expect(patched.status).toBe(200);
  // Merge patch: only the member sent changes.
  expect(patched.json).toMatchObject({
    name: 'Grace Patched',
    email: 'grace.replaced@example.com',
    role: 'admin',
  });
  expect((await pageFetch(page, 'GET', location)).json).toEqual(patched.json);

  const deleted = await pageFetch(page, 'DELETE', location);
  expect(deleted.status).toBe(204);
  expect(deleted.text).toBe('');

  const gone = await pageFetch(page, 'GET', location);
  expect(gone.status).toBe(404);
  expect(gone.headers['content-type']).toBe('application/problem+json');
  expect((await pageFetch(page, 'DELETE', location)).status).toBe(404);
});

test('writes are validated in the page as everywhere: 422, 409, 415', async ({ page }) => {
  await openApp(page);
  const invalid = await pageFetch(
    page,
    'POST',
    '/api/v1/users',
    jsonBody({ id: 'x', email: 'no' }),
  );
  expect(invalid.status).toBe(422);
  const pointers = (invalid.json as { errors: { pointer: string }[] }).errors.map((e) => e.pointer);
  expect(pointers).toEqual(expect.arrayContaining(['/id', '/email', '/name']));

  const list = await pageFetch(page, 'GET', '/api/v1/users?limit=1');
  const [first] = (list.json as { data: User[] }).data;
  const duplicate = await pageFetch(
    page,
    'POST',
    '/api/v1/users',
    jsonBody({ name: 'Copy', email: first?.email.toUpperCase() }),
  );
  expect(duplicate.status).toBe(409);

  const plain = await pageFetch(
    page,
    'PATCH',
    `/api/v1/users/${first?.id}`,
    jsonBody({ name: 'X' }),
  );
  expect(plain.status).toBe(415);
  expect(plain.headers['accept-patch']).toBe('application/merge-patch+json');
  expect((await pageFetch(page, 'GET', '/api/v1/users?limit=1')).json).toEqual(list.json);
});
