import { expect, test, type Page } from '@playwright/test';
import { openApp } from './support.ts';
import { expectInViewport, expectWorkbench, setPresenter } from './workbench.ts';

const player = (page: Page) => page.getByTestId('scenario-player');
const narration = (page: Page) => page.getByTestId('player-narration');
const stepCounter = (page: Page) => page.getByTestId('player-step');

/** Waits until the step shown is `n` of `total` and no step is running. */
async function atStep(page: Page, n: number, total: number) {
  await expect(stepCounter(page)).toHaveText(`Step ${n} of ${total}`, { timeout: 20_000 });
}

/**
 * What a step shows, as text: the narration, the lab's view and the claims. Keyset cursors are
 * signed with each page's own key, so the walkers' cursor lines are left out.
 */
async function shown(page: Page) {
  return player(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const element of copy.querySelectorAll('.pg-how, .sp-copied')) element.remove();
    const text = (selector: string) => copy.querySelector(selector)?.textContent ?? '';
    const bars = [...root.querySelectorAll('.recharts-bar-rectangle path')].map((path) =>
      path.getAttribute('d'),
    );
    return {
      step: text('[data-testid="player-step"]'),
      narration: text('[data-testid="player-narration"]'),
      view: text('[data-testid="player-view"]'),
      checks: text('[data-testid="player-checks"]'),
      bars,
    };
  });
}

test('a link opens a scenario at a step: the narration and the chart of that step, in view', async ({
  page,
}) => {
  await openApp(page, '/rate-limit?scenario=fixed-window-edge&step=2');
  await atStep(page, 2, 5);
  await expect(narration(page)).toContainText('40 of 40 admitted');
  await expect(narration(page)).toContainText('Rule: fixed window counts requests per');
  const chart = page.getByTestId('player-chart');
  await expect(chart.getByRole('img')).toBeVisible();
  await expect(chart).toContainText('Fixed window, 20 per 10 s · 40 of 40 admitted');
  await expect(page.getByTestId('player-checks')).toContainText('✓ fixed window admits all 40');
  await expectInViewport(page, narration(page));
  await expectInViewport(page, chart);
  expect(new URL(page.url()).search).toBe('?scenario=fixed-window-edge&step=2');
  await expectWorkbench(page, narration(page));
});

test('forward then back shows exactly what playing straight to the step shows (rate limit)', async ({
  browser,
}) => {
  const page = await browser.newPage();
  await openApp(page, '/rate-limit');
  const card = page.getByTestId('scenario-retry-after-honest');
  await card.getByRole('button', { name: 'Retry-After is honest' }).click();
  for (let n = 1; n <= 9; n++) {
    await player(page).getByRole('button', { name: 'Forward ▸' }).click();
    await atStep(page, n, 9);
  }
  await expect(card.getByTestId('scenario-verdict')).toHaveText('✓ Every claim holds');
  for (let n = 8; n >= 5; n--) {
    await player(page).getByRole('button', { name: '◂ Back' }).click();
    await atStep(page, n, 9);
  }
  // A presenter's clicker: the arrow keys step too.
  await page.keyboard.press('ArrowLeft');
  await atStep(page, 4, 9);
  const back = await shown(page);
  expect(new URL(page.url()).search).toBe('?scenario=retry-after-honest&step=4');
  expect(back.narration).toContain('429 Too Many Requests, Retry-After: 7 s');
  expect(back.bars.length).toBeGreaterThan(0);

  const straight = await browser.newPage();
  await openApp(straight, '/rate-limit?scenario=retry-after-honest&step=4');
  await atStep(straight, 4, 9);
  expect(await shown(straight)).toEqual(back);
});

test('forward then back equals straight through (pagination), and a copied link opens the same step', async ({
  browser,
}) => {
  const page = await browser.newPage();
  await openApp(page, '/pagination');
  await page.getByRole('button', { name: 'Keyset stays exact under inserts and deletes' }).click();
  const total = 12;
  await player(page).getByRole('button', { name: '▶ Play' }).click();
  await player(page).getByLabel('Speed').selectOption('4');
  await atStep(page, total, total);
  for (let n = total - 1; n >= 7; n--)
    await player(page).getByRole('button', { name: '◂ Back' }).click();
  await atStep(page, 7, total);
  const back = await shown(page);
  expect(back.view).toContain('Page 2');

  await player(page).getByRole('button', { name: 'Copy link' }).click();
  const status = player(page).getByRole('status');
  await expect(status).toContainText('/pagination?scenario=keyset-stays-exact&step=7');
  const link = (await status.textContent())?.replace(/^.*?(http\S+)$/, '$1') ?? '';

  const straight = await browser.newPage();
  await openApp(straight, link);
  await atStep(straight, 7, total);
  expect(await shown(straight)).toEqual(back);
  await expectInViewport(straight, narration(straight));
  await expectInViewport(straight, straight.getByTestId('walker-keyset').first());
});

for (const presenter of [false, true])
  test(`the player's narration and chart fit at 1280×720${presenter ? ', presenter mode' : ''}`, async ({
    page,
  }) => {
    await openApp(page, '/rate-limit');
    await setPresenter(page, presenter);
    await page.goto('/rate-limit?scenario=token-bucket-burst&step=3');
    await atStep(page, 3, 4);
    await expectInViewport(page, narration(page));
    await expectInViewport(page, page.getByTestId('player-chart'));
  });
