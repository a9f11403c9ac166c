import { expect, test, type Page } from '@playwright/test';
import { CACHING_SCENARIOS } from '../src/scenarios/caching/scenarios.ts';
import { openApp, pageFetch } from './support.ts';
import { expectInViewport, expectWorkbench, setPresenter } from './workbench.ts';

const clock = (page: Page, body: object) =>
  pageFetch(page, 'POST', '/__admin/clock', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const logRows = (page: Page) => page.locator('.log-row');
const stat = (page: Page, name: string) => page.getByTestId(`stat-${name}`).locator('dd');

test('the cache panel shows a hit, a 304 and the bytes saved; the log tells them apart', async ({
  page,
}) => {
  await openApp(page, '/caching');
  await clock(page, { action: 'pause' });
  const get = page.getByRole('button', { name: 'GET the product' });
  await get.click();
  await expect(page.getByTestId('try-outcome')).toContainText('a full 200');
  await get.click();
  await expect(page.getByTestId('try-outcome')).toContainText('a fresh hit: never sent');
  await expect(stat(page, 'hits')).toHaveText('1');
  // The hit is in the log, marked, and the API's journal never saw it.
  const fromCache = logRows(page).filter({ hasText: 'from cache' });
  await expect(fromCache).toHaveCount(1);
  const journal = await pageFetch(page, 'GET', '/__admin/requests?limit=100');
  const product = (journal.json as { data: { url: string; method: string }[] }).data.filter(
    (entry) => entry.method === 'GET' && /\/api\/v1\/products\/[^?]+$/.test(entry.url),
  );
  expect(product).toHaveLength(1);

  // Past max-age=60: stale, revalidated with If-None-Match, answered 304.
  await clock(page, { action: 'advance', ms: 61_000 });
  await get.click();
  await expect(page.getByTestId('try-outcome')).toContainText('revalidated: 304');
  await expect(stat(page, '304s')).toHaveText('1');
  await expect(stat(page, 'bytes-saved')).not.toHaveText('0 B');
  await expect(logRows(page).filter({ hasText: '304 Not Modified' })).toHaveCount(1);
  await expect(page.getByTestId('cache-timeline').first()).toHaveAttribute('data-state', 'fresh');

  // The server's own trace of that revalidation.
  const trace = page.getByTestId('trace-panel');
  await expect(trace.getByTestId('trace-steps')).toContainText('If-None-Match');
  await expect(trace.getByTestId('trace-steps')).toContainText('weak comparison');
  await expect(trace.getByTestId('trace-outcome')).toContainText('304 Not Modified');
  await expectWorkbench(page, page.getByTestId('cache-panel'));
});

test('switched off, every GET reaches the API', async ({ page }) => {
  await openApp(page, '/caching');
  await page.getByLabel('Client cache on').uncheck();
  const get = page.getByRole('button', { name: 'GET the product' });
  await get.click();
  await expect(page.getByTestId('try-outcome')).toContainText('cache off');
  await get.click();
  await expect(page.getByTestId('try-outcome')).toContainText('cache off');
  await expect(logRows(page).filter({ hasText: 'from cache' })).toHaveCount(0);
  await expect(stat(page, 'hits')).toHaveText('0');
});

test('the lost-update demo: the overwrite without If-Match, 412 with it, then 428', async ({
  page,
}) => {
  await openApp(page, '/caching?scenario=if-match-stops-lost-update&step=4');
  const player = page.getByTestId('player-if-match-stops-lost-update');
  await expect(player.getByTestId('player-step')).toHaveText('Step 4 of 12');
  await expect(player.getByTestId('player-narration')).toContainText('without If-Match');
  await expect(player.getByTestId('player-narration')).toContainText('lost update');
  await expect(player.getByTestId('copy-b')).not.toContainText('Renamed by Alice');
  for (let step = 5; step <= 8; step++)
    await player.getByRole('button', { name: 'Forward ▸' }).click();
  await expect(player.getByTestId('player-step')).toHaveText('Step 8 of 12');
  await expect(player.getByTestId('player-narration')).toContainText('412 Precondition Failed');
  await expect(logRows(page).filter({ hasText: '412 Precondition Failed' })).toHaveCount(1);
  await player.getByRole('button', { name: 'Forward ▸' }).click();
  await expect(player.getByTestId('player-narration')).toContainText('change is kept');
  for (let step = 10; step <= 12; step++)
    await player.getByRole('button', { name: 'Forward ▸' }).click();
  await expect(page.getByTestId('scenario-if-match-stops-lost-update')).toContainText(
    '✓ Every claim holds',
  );
  await expect(logRows(page).filter({ hasText: '428 Precondition Required' })).toHaveCount(1);
});

test('every caching scenario holds through the worker, and puts the settings back', async ({
  page,
}) => {
  await openApp(page, '/caching');
  const before = await pageFetch(page, 'GET', '/__admin/settings');
  for (const scenario of CACHING_SCENARIOS) {
    const card = page.getByTestId(`scenario-${scenario.id}`);
    await card.getByRole('button', { name: 'Run' }).click();
    await expect(card.getByTestId('scenario-verdict')).toHaveText('✓ Every claim holds', {
      timeout: 20_000,
    });
  }
  await expect
    .poll(async () => (await pageFetch(page, 'GET', '/__admin/settings')).json)
    .toEqual(before.json);
});

test('directives: private is kept by the client but not by the CDN', async ({ page }) => {
  await openApp(page, '/caching');
  const panel = page.getByTestId('directives');
  await panel.getByText('private', { exact: true }).click();
  await panel.getByRole('button', { name: /^Play:/ }).click();
  const rows = panel.getByTestId('exchanges').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('200');
  await expect(rows.nth(2)).toContainText('hit');
  await expect(rows.nth(2)).toContainText('not asked');
  await expect(logRows(page).filter({ hasText: 'from client A cache' })).toHaveCount(1);
});

for (const presenter of [false, true])
  test(`the lab fits the workbench at 1280×720${presenter ? ', presenter mode' : ''}`, async ({
    page,
  }) => {
    await openApp(page, '/caching');
    await setPresenter(page, presenter);
    await page.getByRole('button', { name: 'GET the product' }).click();
    await expect(page.getByTestId('try-outcome')).toContainText('GET the product');
    await expectWorkbench(page, page.getByTestId('cache-panel').getByRole('heading'));
    await expectInViewport(page, page.getByRole('button', { name: 'GET the product' }));
  });
