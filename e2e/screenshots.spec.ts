import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openApp, pageFetch } from './support.ts';
import { setPresenter } from './workbench.ts';

// Screenshots at 1280×720 in three looks, of the shell and of each page after its main action.
// They are attached to the test report; with UPDATE_SCREENSHOTS=1 they also replace the images
// in docs/screenshots/ (shell-light.png is the README's).
const looks = [
  { name: 'light', colorScheme: 'light', presenter: false, background: 'rgb(255, 255, 255)' },
  { name: 'dark', colorScheme: 'dark', presenter: false, background: 'rgb(13, 17, 23)' },
  { name: 'presenter', colorScheme: 'light', presenter: true, background: 'rgb(255, 255, 255)' },
] as const;

interface Shot {
  name: string;
  path: string;
  /** Brings the page to the state worth showing. */
  act(page: Page): Promise<void>;
}

const shots: Shot[] = [
  {
    // The explorer with a request's details open in the log.
    name: 'shell',
    path: '/explorer',
    async act(page) {
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
    },
  },
  {
    name: 'home',
    path: '/',
    async act(page) {
      await expect(page.getByRole('link', { name: /^Problems/ }).last()).toBeVisible();
    },
  },
  {
    name: 'explorer',
    path: '/explorer',
    async act(page) {
      await page.getByLabel(/^Name/).fill('Ada Lovelace');
      await page.getByLabel(/^Email/).fill('ada.shot@example.org');
      await page.getByRole('button', { name: 'Create user' }).click();
      await expect(page.getByTestId('explorer-outcome')).toContainText('201 Created');
    },
  },
  {
    name: 'composer',
    path: '/composer',
    async act(page) {
      await page.getByRole('button', { name: /PATCH with merge-patch/ }).click();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(page.getByTestId('composer-timing')).toContainText(/API handling \d/);
    },
  },
  {
    name: 'problem',
    path: '/problems/validation-failed',
    async act(page) {
      await page.getByRole('button', { name: /^Send th/ }).click();
      await expect(page.getByRole('region', { name: 'What came back' })).toContainText('422');
    },
  },
];

for (const look of looks) {
  for (const shot of shots) {
    test(`${shot.name} in ${look.name}`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: look.colorScheme });
      await openApp(page, shot.path);
      await setPresenter(page, look.presenter);
      await shot.act(page);
      // Away from every control, so no hover state is in the picture.
      await page.mouse.move(1279, 60);

      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const rootBackground = await page.evaluate(
        () => getComputedStyle(document.documentElement).backgroundColor,
      );
      expect([background, rootBackground]).toContain(look.background);

      const png = await page.screenshot();
      expect(png.byteLength).toBeGreaterThan(20_000);
      const file = `${shot.name}-${look.name}`;
      await testInfo.attach(file, { body: png, contentType: 'image/png' });
      if (process.env.UPDATE_SCREENSHOTS) {
        await mkdir('docs/screenshots', { recursive: true });
        await writeFile(`docs/screenshots/${file}.png`, png);
      }
    });
  }
}
