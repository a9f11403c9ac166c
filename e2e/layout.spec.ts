import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './support.ts';
import { expectWorkbench, setPresenter } from './workbench.ts';

// The workbench (docs/decisions/0008-workbench-layout.md) at 1280×720, in normal and presenter
// mode: after each page's main action its result is in the viewport, the document does not
// scroll and the header keeps to one line.

interface Page_ {
  name: string;
  path: string;
  /** Does the page's main action and returns the result that must then be in view. */
  act(page: Page): Promise<Locator>;
}

const PAGES: Page_[] = [
  {
    name: 'home',
    path: '/',
    async act(page) {
      // No action: every card, the Problems one included, is in view.
      const cards = page.locator('.lab-cards');
      await expect(cards.getByRole('link', { name: /^Problems/ })).toBeVisible();
      return cards;
    },
  },
  {
    name: 'explorer',
    path: '/explorer',
    async act(page) {
      await page.getByLabel(/^Name/).fill('Layout Check');
      await page.getByLabel(/^Email/).fill(`layout.${Date.now()}@example.org`);
      await page.getByRole('button', { name: 'Create user' }).click();
      const outcome = page.getByTestId('explorer-outcome');
      await expect(outcome).toContainText('201 Created');
      return outcome;
    },
  },
  {
    name: 'composer',
    path: '/composer',
    async act(page) {
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const head = page.getByTestId('composer-result').locator('.composer-response-head');
      await expect(head).toContainText('200');
      await expect(head.getByTestId('composer-timing')).toContainText(/API handling \d/);
      return head;
    },
  },
  {
    name: 'problems',
    path: '/problems/method-not-allowed',
    async act(page) {
      await page.getByRole('button', { name: 'Send this request' }).click();
      const results = page.getByRole('region', { name: 'What came back' });
      await expect(results).toContainText('405');
      return results.getByRole('list');
    },
  },
];

for (const presenter of [false, true]) {
  for (const { name, path, act } of PAGES) {
    test(`${name}${presenter ? ' in presenter mode' : ''}: the result is in view, only the lab area scrolls`, async ({
      page,
    }) => {
      await openApp(page, path);
      await setPresenter(page, presenter);
      await expectWorkbench(page);
      const result = await act(page);
      await expectWorkbench(page, result);
      // Even scrolled to its end, the lab area moves alone: the header stays where it was.
      await page.locator('.lab-area').evaluate((area) => area.scrollTo(0, area.scrollHeight));
      await page.mouse.wheel(0, 2000);
      await expectWorkbench(page);
      expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
      await expect(page.locator('header.topbar')).toBeInViewport();
    });
  }
}

test('the header stays on one line with the clock paused, in both modes', async ({ page }) => {
  await openApp(page, '/composer');
  await page.getByRole('button', { name: 'Pause the virtual clock' }).click();
  await expect(page.getByTestId('clock-time')).toContainText('paused');
  await expectWorkbench(page);
  expect((await page.locator('header.topbar').boundingBox())?.height).toBeLessThan(60);
  await setPresenter(page, true);
  await expectWorkbench(page);
  expect((await page.locator('header.topbar').boundingBox())?.height).toBeLessThan(60);
  await page.getByRole('button', { name: 'Resume the virtual clock' }).click();
});

/** WCAG 2.x contrast ratio of two computed CSS colours (rgb()/rgba(), alpha ignored). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

async function hoveredContrast(button: Locator): Promise<{ ratio: number; colors: string }> {
  await button.hover();
  const { color, background } = await button.evaluate((element) => {
    const style = getComputedStyle(element);
    return { color: style.color, background: style.backgroundColor };
  });
  return { ratio: contrast(color, background), colors: `${color} on ${background}` };
}

const LOOKS = [
  { name: 'light', colorScheme: 'light', presenter: false },
  { name: 'dark', colorScheme: 'dark', presenter: false },
  { name: 'presenter light', colorScheme: 'light', presenter: true },
  { name: 'presenter dark', colorScheme: 'dark', presenter: true },
] as const;

for (const look of LOOKS) {
  test(`primary buttons keep ≥ 4.5:1 contrast under the pointer (${look.name})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: look.colorScheme });
    await openApp(page, '/explorer');
    await setPresenter(page, look.presenter);
    const buttons: [string, Locator][] = [
      ['Create user', page.getByRole('button', { name: 'Create user' })],
      // A pressed toggle is filled like a primary button.
      ...(look.presenter
        ? [
            ['Presenter (pressed)', page.getByRole('button', { name: 'Presenter' })] as [
              string,
              Locator,
            ],
          ]
        : []),
    ];
    for (const [name, button] of buttons) {
      const { ratio, colors } = await hoveredContrast(button);
      expect(ratio, `${name}: ${colors}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.goto('/composer');
    const send = page.getByRole('button', { name: 'Send', exact: true });
    const { ratio, colors } = await hoveredContrast(send);
    expect(ratio, `Send: ${colors}`).toBeGreaterThanOrEqual(4.5);
  });
}
