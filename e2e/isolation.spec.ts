import { expect, test, type Page } from '@playwright/test';
import { goToLab, jsonBody, openApp, pageFetch } from './support.ts';

/**
 * Labs leave each other alone (docs/decisions/0009): what the user made in the Explorer and the
 * clock as they set it survive a visit to every other lab, its main actions and its scenarios.
 */
const CHOSEN = Date.UTC(2026, 2, 14, 15, 9, 26); // 2026-03-14T15:09:26Z

const go = (page: Page, name: string) => goToLab(page, name);
const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' });

async function clock(page: Page) {
  return (await pageFetch(page, 'GET', '/__admin/clock')).json as {
    epoch_ms: number;
    paused: boolean;
  };
}

async function createInExplorer(page: Page, name: string, email: string) {
  await openApp(page, '/explorer');
  await page.getByLabel(/^Name/).fill(name);
  await page.getByLabel(/^Email/).fill(email);
  await button(page, 'Create user').click();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
  const list = (await pageFetch(page, 'GET', '/api/v1/users?limit=100&sort=-created_at')).json as {
    data: { id: string; email: string; created_at: string }[];
  };
  const row = list.data.find((candidate) => candidate.email === email);
  if (!row) throw new Error('the new user is not in the list');
  return row;
}

/** Every other lab, its main action and its scenarios, by the navigation as a user goes. */
async function visitEveryLab(page: Page) {
  await go(page, 'Composer');
  await button(page, 'Send').click();
  await expect(button(page, 'Send')).toBeEnabled();

  await go(page, 'Pagination');
  await button(page, 'Step ▸').click();
  await expect(page.getByTestId('sandbox-banner')).toBeVisible();
  await button(page, '+ Insert at head').click();
  await expect(button(page, 'Walk to end')).toBeEnabled();
  await button(page, 'Walk to end').click();
  await expect(page.getByTestId('verdict-keyset')).toContainText('Exact');
  const scenario = page.getByTestId('scenario-naive-cursor-breaks');
  await scenario.getByRole('button', { name: 'Run' }).click();
  await expect(scenario.getByTestId('scenario-verdict')).toHaveText('✓ Every claim holds', {
    timeout: 20_000,
  });

  await go(page, 'Rate limit');
  await button(page, /^Window edge/).click();
  await expect(page.getByText(/Done: \d+ of \d+ answered/)).toBeVisible({ timeout: 20_000 });
  const edge = page.getByTestId('scenario-fixed-window-edge');
  await edge.getByRole('button', { name: 'Run' }).click();
  await expect(edge.getByTestId('scenario-verdict')).toHaveText('✓ Every claim holds', {
    timeout: 20_000,
  });

  await go(page, 'Problems');
  await page.getByRole('link', { name: 'Quota exceeded', exact: true }).first().click();
  await button(page, /^Send th/).click();
  await expect(page.getByRole('main')).toContainText('429');

  await go(page, 'Explorer');
}

test('a row made in the Explorer and a paused clock survive every other lab', async ({ page }) => {
  const made = await createInExplorer(page, 'Ada Stays', 'ada.stays@example.org');
  await pageFetch(page, 'POST', '/__admin/clock', jsonBody({ action: 'pause' }));
  await pageFetch(page, 'POST', '/__admin/clock', jsonBody({ action: 'set', epoch_ms: CHOSEN }));

  await visitEveryLab(page);

  await expect(page.getByRole('cell', { name: 'ada.stays@example.org' })).toBeVisible();
  const row = await pageFetch(page, 'GET', `/api/v1/users/${made.id}`);
  expect(row.status).toBe(200);
  expect(row.json).toMatchObject({ name: 'Ada Stays', created_at: made.created_at });
  expect(await clock(page)).toMatchObject({ epoch_ms: CHOSEN, paused: true });
  // A new request is stamped with the user's time, not the demo's.
  await pageFetch(page, 'GET', '/api/v1/users?limit=1');
  const journal = (await pageFetch(page, 'GET', '/__admin/requests?limit=1')).json as {
    data: { started_at: string }[];
  };
  expect(journal.data[0]?.started_at).toBe(new Date(CHOSEN).toISOString());
});

test('a running clock is still running after every other lab, never back at the demo’s instant', async ({
  page,
}) => {
  await createInExplorer(page, 'Grace Stays', 'grace.stays@example.org');
  const before = await clock(page);
  expect(before.paused).toBe(false);

  await visitEveryLab(page);

  await expect(page.getByRole('cell', { name: 'grace.stays@example.org' })).toBeVisible();
  const after = await clock(page);
  expect(after.paused).toBe(false);
  expect(after.epoch_ms).toBeGreaterThan(before.epoch_ms);
  const later = await clock(page);
  expect(later.epoch_ms).toBeGreaterThan(after.epoch_ms);
});

test('reloading in the middle of the drift demo still brings the user’s rows and clock back', async ({
  page,
}) => {
  const made = await createInExplorer(page, 'Lin Reloads', 'lin.reloads@example.org');
  await pageFetch(page, 'POST', '/__admin/clock', jsonBody({ action: 'pause' }));
  await pageFetch(page, 'POST', '/__admin/clock', jsonBody({ action: 'set', epoch_ms: CHOSEN }));
  await go(page, 'Pagination');
  await button(page, 'Step ▸').click();
  await expect(page.getByTestId('sandbox-banner')).toBeVisible();
  await expect(page.getByTestId('walker-offset')).toContainText('Page 1');
  expect((await pageFetch(page, 'GET', `/api/v1/users/${made.id}`)).status).toBe(404);

  await page.reload();
  await expect(page.getByTestId('engine-status')).toContainText('API running');
  await expect
    .poll(async () => (await pageFetch(page, 'GET', `/api/v1/users/${made.id}`)).status)
    .toBe(200);
  await expect.poll(() => clock(page)).toMatchObject({ epoch_ms: CHOSEN, paused: true });
});
