import { expect, test, type Page } from '@playwright/test';
import { openApp, pageFetch } from './support.ts';

const logRows = (page: Page) =>
  page.getByRole('listbox', { name: 'Requests, newest first' }).getByRole('option');
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Waits until no drift action is running (the step button is back). */
async function settled(page: Page) {
  await expect(page.getByRole('button', { name: 'Reset demo', exact: false })).toBeEnabled();
}

test('drift lab, scripted demo: offset repeats rows under inserts, keyset stays exact', async ({
  page,
}) => {
  await openApp(page, '/pagination');
  await button(page, 'Step ▸').click(); // resets the demo, then every walker reads page 1
  await settled(page);
  await button(page, '+ Insert at head').click();
  await settled(page);
  await button(page, '+ Insert at head').click();
  await settled(page);
  await button(page, 'Step ▸').click();
  await settled(page);
  // Two rows pushed the list down by two: the offset walker read two rows again, live.
  await expect(page.getByTestId('duplicates-offset')).toHaveText('2');
  await expect(page.getByTestId('walker-offset').locator('.pg-row.dup')).toHaveCount(2);
  await expect(page.getByTestId('duplicates-keyset')).toHaveText('0');

  await button(page, 'Walk to end').click();
  await settled(page);
  await expect(page.getByTestId('verdict-offset')).toContainText('Wrong: returned 2 rows twice');
  await expect(page.getByTestId('verdict-keyset')).toContainText('Exact: every row once');
  await expect(page.getByTestId('duplicates-keyset')).toHaveText('0');
  await expect(page.getByTestId('skipped-keyset')).toHaveText('0');

  // Every step was a real request, in the log: offset pages and cursor pages alike.
  await expect(logRows(page).filter({ hasText: '/api/v1/products?offset=' }).first()).toBeVisible();
  await expect(logRows(page).filter({ hasText: 'cursor=' }).first()).toBeVisible();
});

test('drift lab: deleting the boundary row breaks the naive cursor, not the keyset cursor', async ({
  page,
}) => {
  await openApp(page, '/pagination');
  await button(page, 'Step ▸').click();
  await settled(page);
  await button(page, 'Step ▸').click();
  await settled(page);
  await button(page, '✕ Delete boundary').click();
  await settled(page);
  await button(page, 'Step ▸').click();
  await settled(page);
  await expect(page.getByTestId('walker-naive')).toContainText('started over');
  await expect(page.getByTestId('skipped-offset')).toHaveText('1');
  await button(page, 'Walk to end').click();
  await settled(page);
  await expect(page.getByTestId('duplicates-naive')).not.toHaveText('0');
  await expect(page.getByTestId('verdict-keyset')).toContainText('Exact');
});

test('drift lab: the mutator’s selects carry visible labels', async ({ page }) => {
  await openApp(page, '/pagination');
  for (const [label, shown] of [
    ['Inserts', '+1/s'],
    ['Deletes', '−0/s'],
    ['Delete', 'any row'],
    ['Pace', 'normal'],
  ] as const) {
    const select = page.getByLabel(label, { exact: true });
    await expect(select.locator('option:checked')).toHaveText(shown);
    await expect(page.locator(`label[for="${await select.getAttribute('id')}"]`)).toBeVisible();
  }
});

test('the three scenarios run from the lab, through the worker, and every claim holds', async ({
  page,
}) => {
  await openApp(page, '/pagination');
  for (const id of ['offset-drifts-under-inserts', 'keyset-stays-exact', 'naive-cursor-breaks']) {
    const card = page.getByTestId(`scenario-${id}`);
    await card.getByRole('button', { name: 'Run' }).click();
    await expect(card.getByTestId('scenario-verdict')).toHaveText('✓ Every claim holds', {
      timeout: 15_000,
    });
  }
});

test('Link headers and cursors come through the service worker intact', async ({ page }) => {
  await openApp(page, '/pagination');
  const first = await pageFetch(page, 'GET', '/api/v1/users?limit=20&sort=name');
  expect(first.headers.link).toContain('rel="next"');
  const cursor = (first.json as { pagination: { next_cursor: string } }).pagination.next_cursor;
  const next = await pageFetch(page, 'GET', `/api/v1/users?limit=20&sort=name&cursor=${cursor}`);
  expect(next.status).toBe(200);
  expect(next.headers.link).toMatch(
    /<\/api\/v1\/users\?limit=20&sort=name&cursor=[\w.-]+>; rel="next"/,
  );
  const crossed = await pageFetch(page, 'GET', `/api/v1/users?limit=20&cursor=${cursor}`);
  expect(crossed.status).toBe(400);
  expect(crossed.json).toMatchObject({ type: '/problems/invalid-cursor' });
});

test('cost chart: offset reads grow with depth, keyset stays flat, and the data comes back', async ({
  page,
}) => {
  await openApp(page, '/pagination');
  await page.getByText('Cost per page', { exact: true }).click();
  await expect(page.getByTestId('users-count')).toHaveText('50 users now');
  // The picker is what Measure runs on: a bigger seed, built for it and then replaced.
  await page.getByLabel('Users', { exact: true }).selectOption('10000');
  await expect(page.getByTestId('measure-plan')).toContainText(
    'Builds 10,000 users for the measurement, then puts your 50 back',
  );
  await button(page, 'Measure 20-row pages').click();
  const rows = page.locator('.pg-cost-table tbody tr');
  await expect(rows).toHaveCount(8, { timeout: 30_000 });
  const last = await rows.last().locator('td').allInnerTexts();
  expect(last.slice(0, 2)).toEqual(['9,980', '10,000']);
  expect(last[3]).toBe('20');
  await expect(page.getByRole('img', { name: /Cost per page/ })).toBeVisible();
  await expect(page.getByTestId('measure-method')).toContainText('the median of 5 rounds');
  await expect(page.getByTestId('measure-method')).toContainText(/ticks every [\d.]+ ms/);
  // The user's 50 users are back, as seeded.
  await expect(page.getByTestId('users-count')).toHaveText('50 users now');
  const list = await pageFetch(page, 'GET', '/api/v1/users?limit=1');
  expect(list.json).toMatchObject({ pagination: { total: 50 } });
});

test('cost chart: data the user changed is never replaced; Measure runs on what there is', async ({
  page,
}) => {
  await openApp(page, '/pagination');
  const created = await pageFetch(page, 'POST', '/api/v1/users', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Ada Lovelace', email: 'ada@example.org' }),
  });
  expect(created.status).toBe(201);
  await page.getByText('Cost per page', { exact: true }).click();
  await page.getByLabel('Users', { exact: true }).selectOption('10000');
  await expect(page.getByTestId('measure-plan')).toContainText('Your data has changes');
  await expect(button(page, 'Measure 20-row pages')).toBeDisabled();
  await page.getByLabel('Users', { exact: true }).selectOption({ label: '51: the data there is' });
  await button(page, 'Measure 20-row pages').click();
  await expect(page.getByTestId('measure-method')).toContainText('On 51 users.');
  const id = (created.json as { id: string }).id;
  expect((await pageFetch(page, 'GET', `/api/v1/users/${id}`)).status).toBe(200);
});
