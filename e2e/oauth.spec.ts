import { expect, test } from '@playwright/test';
import { openApp } from './support.ts';
import { expectWorkbench } from './workbench.ts';

test('the code + PKCE flow, arrow by arrow, ends with a 200 from the API with the issued token', async ({
  page,
}) => {
  await openApp(page, '/oauth');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('arrow-pkce')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('arrow-discover')).toHaveAttribute('aria-current', 'step');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('flow-done')).toBeVisible({ timeout: 30_000 });
  for (const id of ['discover', 'authorize', 'consent', 'redirect', 'token', 'api', 'refresh'])
    await expect(page.getByTestId(`arrow-${id}`)).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('arrow-api')).toContainText('200');
  await expectWorkbench(page);
});

test('client credentials: the service reads products with its own token', async ({ page }) => {
  await openApp(page, '/oauth');
  await page.getByRole('button', { name: 'Client credentials', exact: true }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('flow-done')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('arrow-cc-api')).toContainText('200');
});

test('the attacks, run for real, are all stopped; the stolen code ends in invalid_grant', async ({
  page,
}) => {
  await openApp(page, '/oauth');
  for (const id of [
    'stolen-code',
    'code-replay',
    'plain-pkce',
    'redirect-mismatch',
    'state-mismatch',
  ]) {
    const attack = page.getByTestId(`attack-${id}`);
    await attack.getByRole('button', { name: 'Run' }).click();
    await expect(attack.getByTestId('attack-outcome')).toContainText('Stopped.', {
      timeout: 20_000,
    });
  }
  await expect(page.getByTestId('attack-stolen-code')).toContainText('invalid_grant');
});

test('the scenario "PKCE stops a stolen code" plays in the shared player, every claim holding', async ({
  page,
}) => {
  await openApp(page, '/oauth');
  const card = page.getByTestId('scenario-pkce-stops-a-stolen-code');
  await card.getByRole('button', { name: 'PKCE stops a stolen code' }).click();
  await page.getByTestId('scenario-player').getByRole('button', { name: '▶ Play' }).click();
  await expect(card.getByTestId('scenario-verdict')).toHaveText('✓ Every claim holds', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('player-checks')).toContainText('as invalid_grant');
});

test('the app’s consent screen posts the real form and follows the 303 to the callback', async ({
  page,
}) => {
  await openApp(page, '/');
  const email = await page.evaluate(async () => {
    const users = await (await fetch('/api/v1/users?limit=100')).json();
    return users.data.find((user: { role: string }) => user.role === 'member').email as string;
  });
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: 'restlab-spa',
    redirect_uri: `${new URL(page.url()).origin}/oauth/callback`,
    scope: 'read',
    state: 'xyz',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
  await page.goto(`/oauth/authorize?${query.toString()}`);
  await expect(page.getByText('restlab single-page app')).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByRole('alert')).toContainText('wrong');
  await page.getByLabel('Password', { exact: true }).fill('restlab-demo');
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page).toHaveURL(/\/oauth\/callback\?code=ac_/);
  await expect(page.getByTestId('callback-params')).toContainText('xyz');
});
