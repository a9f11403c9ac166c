import { expect, test } from '@playwright/test';
import { jsonBody, openApp, pageFetch, persisted } from './support.ts';
import { expectWorkbench, setPresenter } from './workbench.ts';

test('signed in through the header, with enforce writes a member’s delete shows 403 in the explorer', async ({
  page,
}) => {
  await openApp(page, '/explorer');
  const patched = await pageFetch(page, 'PATCH', '/__admin/settings', {
    headers: { 'Content-Type': 'application/merge-patch+json' },
    body: JSON.stringify({ auth: { enforce: 'writes' } }),
  });
  expect(patched.status).toBe(200);

  // Signed out, a write is 401.
  const anonymous = await pageFetch(
    page,
    'POST',
    '/api/v1/products',
    jsonBody({ name: 'X', price_cents: 1, stock: 1 }),
  );
  expect(anonymous.status).toBe(401);

  await page.getByTestId('session-button').click();
  await page.getByRole('button', { name: 'Seed member' }).click();
  await expect(page.getByTestId('session-button')).toHaveAttribute('data-role', 'member');

  await page
    .getByRole('button', { name: /^Delete/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: /Delete user/ });
  await dialog.getByRole('button', { name: /^Delete usr_/ }).click();
  const problem = dialog.getByRole('alert');
  await expect(problem).toContainText('403');
  await expect(problem).toContainText('Insufficient scope');

  // The log shows the real request, with the bearer token it carried.
  const row = page
    .getByRole('listbox', { name: 'Requests, newest first' })
    .getByRole('option')
    .filter({ hasText: 'DELETE' })
    .first();
  await expect(row).toContainText('403');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await row.click();
  await page.getByTestId('log-detail').getByRole('tab', { name: 'Headers' }).click();
  await expect(page.getByTestId('log-detail')).toContainText(/authorization/i);
  await expect(page.getByTestId('log-detail')).toContainText('Bearer ey');

  // As the admin the same delete works.
  await page.getByTestId('session-button').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByTestId('session-button')).toHaveAttribute('data-role', 'none');
  await page.getByTestId('session-button').click();
  await page.getByRole('button', { name: 'Seed admin' }).click();
  await expect(page.getByTestId('session-button')).toHaveAttribute('data-role', 'admin');
  await page
    .getByRole('button', { name: /^Delete/ })
    .first()
    .click();
  await page
    .getByRole('dialog', { name: /Delete user/ })
    .getByRole('button', { name: /^Delete usr_/ })
    .click();
  await expect(page.getByRole('dialog', { name: /Delete user/ })).toBeHidden();
});

test('the password never shows in the log, its curl or its HAR', async ({ page }) => {
  await openApp(page, '/explorer');
  const secret = 'Never-In-The-Log-42';
  const created = await pageFetch(
    page,
    'POST',
    '/api/v1/users',
    jsonBody({ name: 'Secret Keeper', email: 'keeper@example.org', password: secret }),
  );
  expect(created.status).toBe(201);
  expect(created.text).not.toContain(secret);
  const login = await pageFetch(
    page,
    'POST',
    '/api/v1/auth/login',
    jsonBody({ email: 'keeper@example.org', password: secret }),
  );
  expect(login.status).toBe(200);
  const journal = await pageFetch(page, 'GET', '/__admin/requests?limit=50');
  expect(journal.text).not.toContain(secret);
  expect(journal.text).toContain('••••');
  const logText = await page.getByRole('listbox', { name: 'Requests, newest first' }).innerText();
  expect(logText).not.toContain(secret);
});

test('the attack gallery: every forgery refused by BCP, alg none accepted by naive, each a real request', async ({
  page,
}) => {
  await openApp(page, '/auth');
  await page.getByRole('button', { name: 'Run every attack' }).click();
  const table = page.getByTestId('gallery-table');
  await expect(table.locator('tr[data-attack="reused-refresh"]')).toBeVisible({ timeout: 20_000 });
  const rows = table.locator('tbody tr[data-attack]:not([data-attack="reused-refresh"])');
  await expect(rows).toHaveCount(15);
  for (const row of await rows.all())
    await expect(row.getByTestId('bcp')).toHaveAttribute('data-accepted', 'false');
  await expect(table.locator('tr[data-attack="alg-none"]').getByTestId('naive')).toHaveAttribute(
    'data-accepted',
    'true',
  );
  await expect(table.locator('tr[data-attack="alg-none"]').getByTestId('bcp')).toContainText(
    '401 alg',
  );
  await expect(table).not.toContainText('unexpected');
  await expect(table.getByTestId('reuse')).toContainText('refused: 401');
  // The verifier setting came back.
  const settings = await pageFetch(page, 'GET', '/__admin/settings');
  expect((settings.json as { auth: { verifier: string } }).auth.verifier).toBe('bcp');
  await expect(page.getByTestId('log-count')).not.toContainText(/^0 /);
});

test('the five auth scenarios hold through the worker, run from the lab’s player', async ({
  page,
}) => {
  await openApp(page, '/auth');
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  for (const id of [
    '401-or-403',
    'expired-token',
    'refresh-reuse',
    'alg-none-naive',
    'rotated-key-grace',
  ]) {
    const card = page.getByTestId(`scenario-${id}`);
    await card.getByRole('button', { name: 'Run' }).click();
    await expect(card.getByTestId('scenario-verdict')).toHaveText('✓ Every claim holds', {
      timeout: 20_000,
    });
  }
  const settings = await pageFetch(page, 'GET', '/__admin/settings');
  expect((settings.json as { auth: { enforce: string } }).auth.enforce).toBe('off');
});

for (const presenter of [false, true]) {
  test(`the auth lab fits the workbench${presenter ? ' in presenter mode' : ''}: each result in view after its action`, async ({
    page,
  }) => {
    await openApp(page, '/auth');
    await setPresenter(page, presenter);
    await page.getByRole('button', { name: 'Run every attack' }).click();
    const summary = page.getByTestId('gallery-summary');
    await expect(summary).toContainText('BCP refused 15 of 15', { timeout: 20_000 });
    await expectWorkbench(page, summary);
    await page.getByRole('tab', { name: '401 vs 403' }).click();
    await page.getByRole('button', { name: 'Send all three' }).click();
    await expect(page.getByTestId('challenge-member')).toContainText('403');
    await expectWorkbench(page, page.getByTestId('challenge-member').locator('.auth-status'));
  });
}

test('keys and revocations survive a reload until Reset', async ({ page }) => {
  await openApp(page, '/explorer');
  await page.getByTestId('session-button').click();
  await page.getByRole('button', { name: 'Seed member' }).click();
  await expect(page.getByTestId('session-button')).toHaveAttribute('data-role', 'member');
  const token = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('restlab.session') ?? '{}').state.accessToken as string,
  );
  const users = (await pageFetch(page, 'GET', '/api/v1/users?limit=100')).json as {
    data: { email: string; role: string }[];
  };
  const email = users.data.find((user) => user.role === 'member')?.email ?? '';
  const other = (
    await pageFetch(
      page,
      'POST',
      '/api/v1/auth/login',
      jsonBody({ email, password: 'restlab-demo' }),
    )
  ).json as { access_token: string };
  await pageFetch(page, 'POST', '/api/v1/auth/logout', {
    headers: { Authorization: `Bearer ${other.access_token}` },
  });
  await persisted(page);
  await page.reload();
  await expect(page.getByTestId('engine-status')).toContainText('API running');
  await expect(page.getByTestId('session-button')).toHaveAttribute('data-role', 'member');
  const me = (bearer: string) =>
    pageFetch(page, 'GET', '/api/v1/me', { headers: { Authorization: `Bearer ${bearer}` } });
  expect((await me(token)).status).toBe(200);
  expect(((await me(other.access_token)).json as { check: string }).check).toBe('revoked');
  await page.getByRole('button', { name: '↺ Reset' }).click();
  await expect(page.getByTestId('session-button')).toHaveAttribute('data-role', 'none');
  expect(((await me(token)).json as { check: string }).check).toBe('kid');
});
