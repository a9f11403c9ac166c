import { expect, test, type Page } from '@playwright/test';
import { goToLab, openApp } from './support.ts';
import { expectWorkbench, setPresenter } from './workbench.ts';

/** The renderer's chunk (vite names it after src/ui/reference/scalar-view.ts). */
const RENDERER_CHUNK = /\/assets\/scalar-view-[\w-]+\.js$/;

const logRows = (page: Page) =>
  page.getByRole('listbox', { name: 'Requests, newest first' }).getByRole('option');

/** The rendered reference, once it shows the document's operations. */
async function renderedReference(page: Page) {
  const reference = page.getByTestId('reference-host');
  await expect(reference.getByText('List users').first()).toBeVisible({ timeout: 20_000 });
  return reference;
}

test('the reference lists the operations, /__admin included, and loads its renderer only there', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await openApp(page, '/');
  const nav = page.getByRole('navigation', { name: 'Labs' });
  await goToLab(page, 'Explorer');
  await expect(page.getByRole('heading', { name: 'Explorer' })).toBeVisible();
  expect(
    requested.filter((url) => RENDERER_CHUNK.test(url)),
    'no renderer before /reference',
  ).toEqual([]);

  await nav.getByRole('link', { name: 'API', exact: true }).click();
  await expect(page).toHaveURL(/\/reference$/);
  const reference = await renderedReference(page);
  expect(
    requested.some((url) => RENDERER_CHUNK.test(url)),
    'renderer loaded',
  ).toBe(true);
  await expect(reference.getByText('Create a user').first()).toBeVisible();
  await reference.getByRole('link', { name: 'Control API', exact: true }).click();
  await expect(reference.getByText('Read the virtual clock').first()).toBeVisible();
  // The document itself came through the worker, like every other request.
  await expect(logRows(page).filter({ hasText: '/api/openapi.json' }).first()).toContainText(
    '200 OK',
  );
  await expectWorkbench(page);
  await setPresenter(page, true);
  await expectWorkbench(page);
});

test('the reference follows the app into dark mode', async ({ page }) => {
  await openApp(page, '/reference');
  await renderedReference(page);
  // The app's text colour (the brand uses --fg) against the colour of Scalar's title.
  const colours = () =>
    page.evaluate(() => {
      const colour = (selector: string) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).color : 'missing';
      };
      return { app: colour('.topbar .brand'), reference: colour('.reference-host h1') };
    });
  const light = await colours();
  expect(light.reference).toBe(light.app);
  await page.getByRole('button', { name: /^Theme: system/ }).click();
  await page.getByRole('button', { name: /^Theme: light/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => (await colours()).app).not.toBe(light.app);
  const dark = await colours();
  expect(dark.reference).toBe(dark.app);
});

test('"Test Request" sends a real request through the worker, and it appears in the log', async ({
  page,
}) => {
  await openApp(page, '/reference');
  const reference = await renderedReference(page);
  await reference.getByRole('link', { name: /^List users/ }).click();
  const operation = reference.locator('section[id$="/GET/api/v1/users"]');
  await operation.getByRole('button', { name: /Test Request/ }).click();
  const users = logRows(page).filter({ hasText: '/api/v1/users' });
  // Nothing on this page lists users by itself: the row below can only be the one sent here.
  await expect(users).toHaveCount(0);
  await page.getByRole('button', { name: /^Send get request to / }).click();
  await expect(page.getByText('200 OK').first()).toBeVisible();
  await page.keyboard.press('Escape');

  await expect(users).toHaveCount(1);
  await expect(users.locator('.log-method')).toHaveText('GET');
  // Scalar fills in the documented defaults and examples of the query parameters.
  await expect(users.locator('.log-path')).toHaveText(/^\/api\/v1\/users(\?.*)?$/);
  await expect(users.locator('.log-status')).toHaveText('200 OK');
});
