import { expect, test } from '@playwright/test';
import { jsonBody, openApp, pageFetch, persisted } from './support.ts';

test('data survives a reload until Reset', async ({ page }) => {
  await openApp(page);
  const created = await pageFetch(
    page,
    'POST',
    '/api/v1/products',
    jsonBody({ name: 'Reload-proof Kettle', price_cents: 2500, stock: 4 }),
  );
  expect(created.status).toBe(201);
  const location = created.headers['location'] ?? '';
  const seeded = await pageFetch(page, 'GET', '/api/v1/users?limit=1');
  const [victim] = (seeded.json as { data: { id: string }[] }).data;
  expect((await pageFetch(page, 'DELETE', `/api/v1/users/${victim?.id}`)).status).toBe(204);
  await persisted(page);

  await page.reload();
  await openApp(page);
  const kept = await pageFetch(page, 'GET', location);
  expect(kept.status).toBe(200);
  expect(kept.json).toEqual(created.json);
  expect((await pageFetch(page, 'GET', `/api/v1/users/${victim?.id}`)).status).toBe(404);
  const products = await pageFetch(page, 'GET', '/api/v1/products?limit=1');
  expect(products.json).toMatchObject({ pagination: { total: 31 } });

  // Reset, as the app's Reset control does it: a bodiless POST.
  const reset = await pageFetch(page, 'POST', '/__admin/reset');
  expect(reset.status).toBe(204);
  await persisted(page);
  await page.reload();
  await openApp(page);
  expect((await pageFetch(page, 'GET', location)).status).toBe(404);
  expect((await pageFetch(page, 'GET', `/api/v1/users/${victim?.id}`)).status).toBe(200);
  const after = await pageFetch(page, 'GET', '/api/v1/products?limit=1');
  expect(after.json).toMatchObject({ pagination: { total: 30 } });
});
