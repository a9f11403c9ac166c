import { expect, test, type Page } from '@playwright/test';
import { openApp } from './support.ts';

const logRows = (page: Page) =>
  page.getByRole('listbox', { name: 'Requests, newest first' }).getByRole('option');

async function createUser(page: Page, name: string, email: string) {
  await page.getByLabel(/^Name/).fill(name);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByRole('button', { name: 'Create user' }).click();
}

test('creating a user shows POST 201 with Location in the request log', async ({ page }) => {
  await openApp(page, '/explorer');
  await createUser(page, 'Ada Explorer', 'ada.explorer@example.org');

  const row = logRows(page)
    .filter({ hasText: 'POST' })
    .filter({ hasText: '/api/v1/users' })
    .first();
  await expect(row).toContainText('201 Created');
  await expect(row).toContainText('Location');
  // The table refetches after the create; once that GET is logged on top, rows stop moving.
  await expect(page.getByRole('cell', { name: 'ada.explorer@example.org' })).toBeVisible();
  await expect(logRows(page).first()).toContainText('GET');
  await row.click();
  const detail = page.getByTestId('log-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toContainText('POST /api/v1/users');
  await expect(detail).toContainText(/location/i);
  await expect(detail).toContainText(/\/api\/v1\/users\/usr_[0-9a-z]{10}/);
});

test('a bad email lands on the email field; a duplicate shows 409 inline', async ({ page }) => {
  await openApp(page, '/explorer');
  await createUser(page, 'Bad Email', 'not-an-email');
  const email = page.getByLabel(/^Email/);
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
  const message = page.locator(`[id="${describedBy.split(' ')[0]}"]`);
  await expect(message).toContainText('must be an email address');
  await expect(logRows(page).first()).toContainText('422');

  const taken = 'taken.twice@example.org';
  await createUser(page, 'First', taken);
  await expect(page.getByRole('cell', { name: taken })).toBeVisible();
  await createUser(page, 'Second', taken.toUpperCase());
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-error').filter({ hasText: /taken|already/i })).toContainText(
    /usr_/,
  );
  await expect(logRows(page).first()).toContainText('409');
});

test('user-supplied text stays inert everywhere it is shown', async ({ page }) => {
  const pwned = () => page.evaluate(() => (window as { __pwned?: number }).__pwned);
  await openApp(page, '/explorer');
  const payloads = [
    `<img src=x onerror="window.__pwned=1">`,
    `<script>window.__pwned=2</script>`,
    `"><svg onload="window.__pwned=3">`,
  ];
  // One at a time: the form clears itself after each create.
  for (const [i, name] of payloads.entries()) {
    await createUser(page, name, `payload${i}@example.org`);
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  }

  // The log shows the bodies as text too (once the table's refetch is logged, rows stay put).
  await expect(logRows(page).first()).toContainText('GET');
  await logRows(page).filter({ hasText: 'POST' }).first().click();
  await page.getByTestId('log-detail').getByRole('tab', { name: 'Request' }).click();
  await expect(page.getByTestId('log-detail')).toContainText('onload');

  // A payload in a URL, a header and a body, through the composer.
  await page.goto('/composer');
  await page.getByLabel('Path').fill(`/api/v1/users/<img src=x onerror="window.__pwned=4">`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('404', { exact: false }).first()).toBeVisible();
  await logRows(page).first().click();
  await expect(page.getByTestId('log-detail')).toContainText('onerror');

  expect(await pwned()).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
});
