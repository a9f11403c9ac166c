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
  await page.getByRole('button', { name: 'More' }).click();
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

test('the filter matches a badge a row shows; the details are in tabs', async ({ page }) => {
  await openApp(page, '/composer');
  // A client that sends until refused: the 429 row wears the quota-exceeded badge.
  await page.evaluate(async () => {
    for (let i = 0; i < 150; i++) {
      const response = await fetch('/api/v1/users?limit=1', {
        headers: { 'X-Client-Id': 'log-filter-check' },
      });
      if (response.status === 429) break;
    }
  });
  const rows = page.getByRole('listbox', { name: 'Requests, newest first' }).getByRole('option');
  await expect(rows.first()).toContainText('quota-exceeded');
  await page.getByRole('searchbox', { name: 'Filter requests by text' }).fill('quota-exceeded');
  await expect(page.getByTestId('log-count')).toContainText(/^1 of \d+ shown/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('429 Too Many Requests');

  await rows.first().click();
  const detail = page.getByTestId('log-detail');
  const tabs = detail.getByRole('tab');
  await expect(tabs).toHaveText(['Headers', 'Request', 'Response', 'Why', 'Timing']);
  await expect(detail.getByRole('tab', { name: 'Headers' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(detail.getByRole('tabpanel')).toContainText(/retry-after/i);
  await detail.getByRole('tab', { name: 'Response' }).click();
  await expect(detail.getByRole('tabpanel')).toContainText('"type": "/problems/quota-exceeded"');
  await detail.getByRole('tab', { name: 'Response' }).press('ArrowRight');
  await expect(detail.getByRole('tab', { name: 'Why' })).toBeFocused();
  await expect(detail.getByRole('tabpanel')).toContainText(/token|bucket|quota/i);
  await detail.getByRole('tab', { name: 'Timing' }).click();
  await expect(detail.getByRole('tabpanel')).toContainText('virtual');
});

test('the log starts compact, can sit at the side, and the choice survives a reload', async ({
  page,
}) => {
  await openApp(page, '/explorer');
  const dock = page.getByRole('region', { name: 'Request log' });
  await expect(dock).toHaveAttribute('data-layout', 'compact');
  // The toolbar and about three rows, on one toolbar row.
  expect((await dock.boundingBox())?.height).toBeLessThan(160);
  const toolbar = dock.getByRole('group', { name: 'Request log controls' });
  expect((await toolbar.boundingBox())?.height).toBeLessThan(45);

  await dock.getByRole('combobox', { name: 'Log layout' }).selectOption('side');
  await expect(dock).toHaveAttribute('data-layout', 'side');
  const side = await dock.boundingBox();
  const area = await page.locator('.lab-area').boundingBox();
  expect(side && area && side.x >= area.x + area.width - 1).toBe(true);
  expect(side && side.height > 600).toBe(true);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Request log' })).toHaveAttribute(
    'data-layout',
    'side',
  );

  await dock.getByRole('combobox', { name: 'Log layout' }).selectOption('compact');
  await dock.getByRole('button', { name: 'Hide the request log' }).click();
  await expect(dock).toHaveAttribute('data-layout', 'collapsed');
  await dock.getByRole('button', { name: 'Show request log' }).click();
  await expect(dock).toHaveAttribute('data-layout', 'compact');
});

test('presenter mode: the log toolbar on one row, and rows use the width', async ({ page }) => {
  await openApp(page, '/explorer');
  await page.getByRole('button', { name: 'Presenter' }).click();
  // The widest row there is: a 429 with two badges on a path with a query.
  await page.evaluate(async () => {
    for (let i = 0; i < 150; i++) {
      const response = await fetch('/api/v1/products?limit=1&sort=-price_cents', {
        headers: { 'X-Client-Id': 'presenter-width-check' },
      });
      if (response.status === 429) break;
    }
  });
  const dock = page.getByRole('region', { name: 'Request log' });
  const toolbar = dock.getByRole('group', { name: 'Request log controls' });
  const rows = dock.getByRole('listbox').getByRole('option');
  await expect(rows.first()).toContainText('quota-exceeded');
  expect((await toolbar.boundingBox())?.height).toBeLessThan(55);
  // No ellipsis: path and badges are shown whole while nothing is selected.
  const cut = await rows.evaluateAll((rows) =>
    rows.flatMap((row) =>
      [...row.querySelectorAll<HTMLElement>('.log-path, .badge, .status-badge')]
        .filter((part) => part.scrollWidth > part.clientWidth + 1)
        .map((part) => part.textContent),
    ),
  );
  expect(cut).toEqual([]);
});
