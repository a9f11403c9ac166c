import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { harValidator } from '../src/ui/panels/request-log/har-validator.ts';
import { openApp, pageFetch } from './support.ts';

test('Copy as curl gives a command that replays the request', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '/composer');
  const body = JSON.stringify({ name: `O'Brien "the" Ω`, email: 'obrien@example.org' });
  await pageFetch(page, 'POST', '/api/v1/users', {
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'curl-check-1' },
    body,
  });
  const rows = page.getByRole('listbox', { name: 'Requests, newest first' }).getByRole('option');
  await rows.filter({ hasText: 'POST' }).first().click();
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  const command = await page.evaluate(() => navigator.clipboard.readText());

  expect(command).toMatch(/^curl /);
  expect(command).toContain(`${baseURL}/api/v1/users`);
  expect(command).toContain('POST');
  expect(command).toMatch(/content-type: application\/json/i);
  expect(command).toMatch(/x-request-id: curl-check-1/i);
  // Shell single quotes: a ' inside the body is written '\''.
  expect(command).toContain(`--data-raw '${body.replace(/'/g, `'\\''`)}'`);
  expect(command).not.toMatch(/user-agent|sec-fetch|accept-encoding/i);
});

test('Export HAR downloads HAR 1.2 of the shown requests, valid against the schema', async ({
  page,
}) => {
  await openApp(page, '/composer');
  await pageFetch(page, 'GET', '/api/v1/users?limit=2');
  await pageFetch(page, 'DELETE', '/api/v1/users');
  await pageFetch(page, 'POST', '/api/v1/products', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Lamp', price_cents: 1999, stock: 3 }),
  });
  await expect(page.getByTestId('log-count')).toContainText(/^3 of 3/);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export HAR' }).click();
  const file = await (await download).path();
  const har = JSON.parse(await readFile(file, 'utf8'));

  const validate = harValidator();
  expect(validate(har), JSON.stringify(validate.errors)).toBe(true);
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries).toHaveLength(3);
  const statuses = har.log.entries.map(
    (entry: { response: { status: number } }) => entry.response.status,
  );
  expect(statuses.sort()).toEqual([200, 201, 405]);
  const post = har.log.entries.find(
    (entry: { request: { method: string } }) => entry.request.method === 'POST',
  );
  expect(post.request.postData.text).toContain('"Lamp"');
});
