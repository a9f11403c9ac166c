import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openApp, pageFetch } from './support.ts';

// Screenshots of the shell in its three looks. They are attached to the test report; with
// UPDATE_SCREENSHOTS=1 they also replace the README's images in docs/screenshots/.
const looks = [
  { name: 'light', colorScheme: 'light', presenter: false, background: 'rgb(255, 255, 255)' },
  { name: 'dark', colorScheme: 'dark', presenter: false, background: 'rgb(13, 17, 23)' },
  { name: 'presenter', colorScheme: 'light', presenter: true, background: 'rgb(255, 255, 255)' },
] as const;

for (const look of looks) {
  test(`the shell in ${look.name}`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: look.colorScheme });
    await openApp(page, '/explorer');
    if (look.presenter) await page.getByRole('button', { name: 'Presenter' }).click();
    await expect(page.getByRole('cell').first()).toBeVisible();
    await pageFetch(page, 'POST', '/api/v1/users', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Grace Hopper', email: 'grace@example.org' }),
    });
    await pageFetch(page, 'GET', '/api/v1/users/usr_missing');
    await pageFetch(page, 'DELETE', '/api/v1/users');
    await page
      .getByRole('listbox', { name: 'Requests, newest first' })
      .getByRole('option')
      .nth(2)
      .click();
    await expect(page.getByTestId('log-detail')).toBeVisible();

    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const rootBackground = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect([background, rootBackground]).toContain(look.background);

    const png = await page.screenshot();
    expect(png.byteLength).toBeGreaterThan(20_000);
    await testInfo.attach(`shell-${look.name}`, { body: png, contentType: 'image/png' });
    if (process.env.UPDATE_SCREENSHOTS) {
      await mkdir('docs/screenshots', { recursive: true });
      await writeFile(`docs/screenshots/shell-${look.name}.png`, png);
    }
  });
}
