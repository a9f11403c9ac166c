import { expect, test, type Page } from '@playwright/test';
import { openApp, pageFetch } from './support.ts';
import { expectWorkbench } from './workbench.ts';

const run = async (page: Page, id: string) => {
  const card = page.getByTestId(`scenario-${id}`);
  await card.getByRole('button', { name: 'Run' }).click();
  await expect(card.getByTestId('scenario-verdict')).toHaveText('✓ Every claim holds', {
    timeout: 20_000,
  });
};

test('the double charge: 2 orders without a key, 1 with; the double click is refused with 409', async ({
  page,
}) => {
  await openApp(page, '/idempotency');
  await run(page, 'lost-response-doubles');
  await expect(page.getByTestId('idem-orders')).toHaveText('2');
  await expect(page.getByTestId('idem-stock')).toHaveText('8');
  await expectWorkbench(page, page.getByTestId('idem-store'));

  await run(page, 'key-makes-retry-safe');
  await expect(page.getByTestId('idem-orders')).toHaveText('1');
  await expect(page.getByTestId('idem-stock')).toHaveText('9');
  // The replay is a real request in the log, marked as such; the lost one is marked a fault.
  await expect(page.getByText('replayed').first()).toBeVisible();
  await expect(page.getByText('⚡ fault').first()).toBeVisible();
  // The key's record, saved with its status.
  const keys = page.getByTestId('keys-panel');
  await expect(keys).toContainText('completed');
  await expect(keys).toContainText('201');

  await run(page, 'double-click-in-flight');
  await expect(page.getByTestId('player-view')).toContainText('second click: 409');
  await expect(page.getByTestId('idem-orders')).toHaveText('1');
});

test('a key expires on the virtual clock; the settings and clock come back', async ({ page }) => {
  await openApp(page, '/idempotency');
  await run(page, 'key-expires');
  await expect(page.getByTestId('keys-panel')).toContainText('expired');
  const settings = await pageFetch(page, 'GET', '/__admin/settings');
  expect(settings.json).toMatchObject({ idempotency: { retention_ms: 86_400_000 } });
  const clock = await pageFetch(page, 'GET', '/__admin/clock');
  expect(clock.json).toMatchObject({ paused: false });
});

test('the methods table is observed: GET and HEAD safe, PUT, PATCH and DELETE idempotent, POST neither', async ({
  page,
}) => {
  await openApp(page, '/idempotency');
  await page.getByRole('button', { name: 'Send each twice' }).click();
  const table = page.getByTestId('methods-table');
  await expect(table).toBeVisible({ timeout: 20_000 });
  const row = (text: string) => table.locator('tr', { hasText: text });
  await expect(row('GET the product')).toContainText('yesyes');
  await expect(row('HEAD the product')).toContainText('yesyes');
  await expect(row('PUT price')).toContainText('noyes');
  await expect(row('PATCH {"stock": 7}')).toContainText('noyes');
  await expect(row('DELETE')).toContainText('204, 404');
  await expect(row('DELETE')).toContainText('noyes');
  await expect(row('POST an order')).toContainText('nono');
});

test('retries with backoff: duplicates without keys, none with', async ({ page }) => {
  await openApp(page, '/idempotency');
  await page.getByRole('button', { name: 'Run both' }).click();
  const runs = page.getByTestId('retry-runs');
  await expect(runs.locator('li')).toHaveCount(2, { timeout: 30_000 });
  await expect(runs.locator('li', { hasText: 'with key' }).last()).toContainText(
    '12 orders made for 12 meant',
  );
  const without = await runs.locator('li', { hasText: 'without key' }).textContent();
  expect(Number(/: (\d+) orders made/.exec(without ?? '')?.[1])).toBeGreaterThan(12);
  // The faults are off again.
  const settings = await pageFetch(page, 'GET', '/__admin/settings');
  expect(settings.json).toMatchObject({ faults: { drop_rate: 0 }, rate_limit: { enabled: true } });
});
