import { expect, test } from '@playwright/test';
import { goToLab, openApp, pageFetch } from './support.ts';

test('labs have shareable URLs, an introduction and their standards', async ({ page }) => {
  await openApp(page, '/composer');
  await expect(page.getByRole('heading', { level: 1, name: 'Composer' })).toBeVisible();
  const labs = page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: /^Labs/ });
  await expect(labs).toHaveText(/Composer/);
  await expect(labs).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'RFC 9457' }).first()).toHaveAttribute(
    'href',
    'https://www.rfc-editor.org/rfc/rfc9457',
  );

  await labs.click();
  // Every lab is listed, each with its summary; the one in view is marked.
  const listed = page.getByRole('navigation', { name: 'Labs' }).getByRole('link');
  await expect(listed.filter({ hasText: 'Composer' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Escape');
  await expect(listed.filter({ hasText: 'Explorer' })).toBeHidden();
  await goToLab(page, 'Explorer');
  await expect(page).toHaveURL(/\/explorer$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Explorer' })).toBeVisible();

  await page.goto('/no-such-lab');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('presenter mode and theme are kept across a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true');
  const presenterFont = await page.evaluate(
    () => getComputedStyle(document.documentElement).fontSize,
  );
  expect(parseFloat(presenterFont)).toBeGreaterThan(16);

  await page.reload();
  await expect(page.getByTestId('engine-status')).toContainText('API running');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true');
  const presenter = page.getByRole('button', { name: 'Presenter' });
  await expect(presenter).toHaveAttribute('aria-pressed', 'true');
  await presenter.click();
  // The theme button cycles system → light → dark.
  await page.getByRole('button', { name: /^Theme: system/ }).click();
  await page.getByRole('button', { name: /^Theme: light/ }).click();
  await expect(page.getByRole('button', { name: /^Theme: dark/ })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'false');
});

test('the virtual clock pauses and advances by the chosen step', async ({ page }) => {
  await openApp(page);
  const clock = page.getByRole('group', { name: 'Virtual clock' });
  await clock.getByRole('button', { name: 'Pause the virtual clock' }).click();
  await expect(page.getByTestId('clock-time')).toContainText('paused');
  const before = (await pageFetch(page, 'GET', '/__admin/clock')).json as { epoch_ms: number };

  // One advance control: its menu advances by another step, which the button then keeps.
  await clock.getByRole('button', { name: 'Advance by another step' }).click();
  await clock.getByRole('menuitem', { name: '+1 min' }).click();
  await expect(clock.getByRole('menu')).toBeHidden();
  await expect
    .poll(
      async () =>
        ((await pageFetch(page, 'GET', '/__admin/clock')).json as { epoch_ms: number }).epoch_ms,
    )
    .toBe(before.epoch_ms + 60_000);
  await clock.getByRole('button', { name: 'Advance the virtual clock by 1 min' }).click();
  await expect
    .poll(
      async () =>
        ((await pageFetch(page, 'GET', '/__admin/clock')).json as { epoch_ms: number }).epoch_ms,
    )
    .toBe(before.epoch_ms + 120_000);
  const shown = new Date(before.epoch_ms + 120_000).toISOString().slice(11, 19);
  await expect(page.getByTestId('clock-time')).toContainText(shown);

  await clock.getByRole('button', { name: 'Resume the virtual clock' }).click();
  await expect(page.getByTestId('clock-time')).not.toContainText('paused');
});

test('Reset brings the seed back, and a new seed gives other data', async ({ page }) => {
  await openApp(page);
  const firstId = async () =>
    ((await pageFetch(page, 'GET', '/api/v1/users?limit=1')).json as { data: { id: string }[] })
      .data[0]?.id;
  const seeded = await firstId();
  await pageFetch(page, 'POST', '/api/v1/users', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Temporary', email: 'temporary@example.org' }),
  });
  expect(await firstId()).not.toBe(seeded);

  const reset = page.getByRole('form', { name: 'Reset data' });
  await reset.getByRole('button', { name: /Reset/ }).click();
  await expect.poll(firstId).toBe(seeded);

  await reset.getByRole('textbox').fill('7');
  await reset.getByRole('button', { name: /Reset/ }).click();
  await expect.poll(firstId).not.toBe(seeded);
  await reset.getByRole('textbox').fill('not a seed');
  await reset.getByRole('button', { name: /Reset/ }).click();
  await expect(reset.getByRole('alert')).toBeVisible();
});
