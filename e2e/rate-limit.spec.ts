import { expect, test, type Page } from '@playwright/test';
import { parseList, type Item } from 'structured-headers';
import { openApp, pageFetch } from './support.ts';

/** The policy form: choose the algorithm (quota 100 per 10 s, the defaults) and apply it. */
async function useAlgorithm(page: Page, name: string): Promise<void> {
  const policy = page.getByRole('form', { name: 'Policy' });
  await policy.getByRole('combobox', { name: 'Algorithm' }).selectOption({ label: name });
  await policy.getByRole('button', { name: 'Apply' }).click();
  await expect(policy.getByRole('combobox', { name: 'Algorithm' })).toHaveValue(
    name === 'Fixed window' ? 'fixed_window' : 'sliding_log',
  );
}

async function windowEdge(page: Page) {
  await page.getByRole('button', { name: 'Window edge' }).click();
  await expect(page.getByText('Done: 200 of 200 answered')).toBeVisible({ timeout: 20_000 });
  const summary = page.getByTestId('live-summary');
  await expect(summary).toContainText(/lab-\w+-\d+/);
  return {
    admitted: summary.getByTestId('live-admitted'),
    max: summary.getByTestId('live-max'),
  };
}

test('the window-edge demo: fixed window lets 2× the quota through, sliding log does not', async ({
  page,
}) => {
  await openApp(page, '/rate-limit');

  await useAlgorithm(page, 'Fixed window');
  let live = await windowEdge(page);
  await expect(live.admitted).toHaveText('200');
  await expect(live.max).toHaveText('200');
  // Real requests through the worker: all 200 are in the request log.
  await expect(page.getByTestId('log-count')).toContainText('200 of 200');

  await useAlgorithm(page, 'Sliding log');
  live = await windowEdge(page);
  await expect(live.admitted).toHaveText('100');
  await expect(live.max).toHaveText('100');

  // The same trace in the comparison, all five at once.
  await page.getByRole('button', { name: 'Compare' }).click();
  const table = page.getByTestId('comparison-table');
  const maxFor = (algorithm: string) =>
    table.locator(`tr[data-algorithm="${algorithm}"]`).getByTestId('busiest-window');
  await expect(maxFor('fixed_window')).toHaveText('200 (2× the quota)');
  await expect(maxFor('sliding_log')).toHaveText('100');
  await expect(maxFor('sliding_window')).toHaveText('100');
});

test('rate-limit headers through the worker: structured fields, and an honest Retry-After', async ({
  page,
}) => {
  await openApp(page);
  const patched = await pageFetch(page, 'PATCH', '/__admin/settings', {
    headers: { 'Content-Type': 'application/merge-patch+json' },
    body: JSON.stringify({
      rate_limit: { algorithm: 'fixed_window', quota: 3, window_ms: 60_000 },
    }),
  });
  expect(patched.status).toBe(200);
  const clock = await pageFetch(page, 'POST', '/__admin/clock', {
    headers: { 'Content-Type': 'application/json' },
    body: '{"action":"pause"}',
  });
  expect(clock.status).toBe(200);

  const client = { headers: { 'X-Client-Id': 'e2e-headers' } };
  const first = await pageFetch(page, 'GET', '/api/v1/users?limit=1', client);
  expect(first.status).toBe(200);
  const [policy] = parseList(first.headers['ratelimit-policy'] ?? '') as Item[];
  expect(policy?.[0]).toBe('default');
  expect(Object.fromEntries(policy?.[1] ?? [])).toEqual({ q: 3, w: 60 });
  const [limit] = parseList(first.headers['ratelimit'] ?? '') as Item[];
  expect(Object.fromEntries(limit?.[1] ?? [])).toMatchObject({ r: 2 });

  await pageFetch(page, 'GET', '/api/v1/users?limit=1', client);
  await pageFetch(page, 'GET', '/api/v1/users?limit=1', client);
  const refused = await pageFetch(page, 'GET', '/api/v1/users?limit=1', client);
  expect(refused.status).toBe(429);
  expect(refused.json).toMatchObject({
    type: '/problems/quota-exceeded',
    status: 429,
    'violated-policies': ['default'],
  });
  const retryAfter = Number(refused.headers['retry-after']);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
  await pageFetch(page, 'POST', '/__admin/clock', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'advance', ms: retryAfter * 1000 }),
  });
  expect((await pageFetch(page, 'GET', '/api/v1/users?limit=1', client)).status).toBe(200);
});

test('the three scenarios run from the lab, and every claim holds', async ({ page }) => {
  await openApp(page, '/rate-limit');
  for (const id of ['fixed-window-edge', 'token-bucket-burst', 'retry-after-honest']) {
    const card = page.getByTestId(`scenario-${id}`);
    await card.getByRole('button', { name: 'Run' }).click();
    await expect(card.getByTestId('scenario-verdict')).toHaveText('✓ Every claim holds', {
      timeout: 20_000,
    });
  }
  // Each scenario put the policy back: the defaults.
  await expect(page.getByRole('combobox', { name: 'Algorithm' })).toHaveValue('token_bucket');
});

test('Fixed window chosen but not applied: the form says so, and Window edge applies it', async ({
  page,
}) => {
  await openApp(page, '/rate-limit');
  const policy = page.getByRole('form', { name: 'Policy' });
  await policy.getByRole('combobox', { name: 'Algorithm' }).selectOption({ label: 'Fixed window' });
  await expect(policy.getByTestId('policy-pending')).toContainText(
    'Algorithm: Fixed window (the limiter still has Token bucket)',
  );
  await expect(page.getByTestId('sends-with')).toContainText('Fixed window');
  await page.getByRole('button', { name: 'Window edge' }).click();
  await expect(page.getByText('Done: 200 of 200 answered')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('live-summary')).toContainText('Fixed window');
  await expect(page.getByTestId('live-admitted')).toHaveText('200');
  await expect(page.getByTestId('live-max')).toHaveText('200');
  await expect(page.getByTestId('live-quota')).toHaveText('(2× the quota of 100)');
  await expect(policy.getByTestId('policy-pending')).toHaveCount(0);
  const settings = await pageFetch(page, 'GET', '/__admin/settings');
  expect(settings.json).toMatchObject({ rate_limit: { algorithm: 'fixed_window' } });
});

test('the live chart’s tooltip shows the hovered bin, far along the axis too', async ({ page }) => {
  await openApp(page, '/rate-limit');
  await page.getByRole('button', { name: 'Steady' }).click();
  await expect(page.getByText('Done: 400 of 400 answered')).toBeVisible({ timeout: 30_000 });
  // 20/s for 20 s, on 25 one-second bins: from 10 s the bucket holds the rate, 10 of 20 admitted.
  await expect(
    page.getByRole('img', { name: /Token bucket: \d+ admitted, \d+ rejected/ }),
  ).toBeVisible();
  const grid = page.getByTestId('live-panel').locator('.recharts-cartesian-grid');
  const box = await grid.boundingBox();
  if (!box) throw new Error('no plot area');
  await page.mouse.move(box.x + (box.width * 16.5) / 25, box.y + box.height / 2);
  const tooltip = page.getByTestId('chart-tooltip');
  await expect(tooltip).toContainText('16–17 s');
  await expect(tooltip).toContainText('admitted: 10');
  await expect(tooltip).toContainText('rejected (429): 10');
  await expect(tooltip).toContainText(/tokens left at 17 s: 0(\.\d)?$/);
  await expect(tooltip).not.toContainText('at 0 s');
});
