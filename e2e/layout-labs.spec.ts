import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './support.ts';
import { expectInViewport, expectWorkbench, setPresenter } from './workbench.ts';

// The workbench promise for the Rate limit and Pagination (cost) labs at 1280×720: after the
// lab's main action, its result is in the viewport, beside the control that made it, and only
// the lab area scrolls. The document and header checks depend on the shell's layout as well.
/**
 * Inside the lab area's visible box, not only the viewport: the docked log covers the bottom of
 * the viewport, and a result under it is not in view. Depends on the shell's log height too.
 */
async function expectInLabArea(page: Page, result: Locator): Promise<void> {
  const area = await page.locator('.lab-area').boundingBox();
  const box = await result.boundingBox();
  if (!area || !box) throw new Error('no lab area or result');
  expect(box.y, 'result starts inside the lab area').toBeGreaterThanOrEqual(area.y - 0.5);
  expect(box.y + box.height, 'result ends inside the lab area').toBeLessThanOrEqual(
    area.y + area.height + 0.5,
  );
}

for (const presenter of [false, true]) {
  const mode = presenter ? 'presenter mode' : 'normal mode';

  test(`rate limit, ${mode}: after a burst the live chart is in view with the traffic controls`, async ({
    page,
  }) => {
    await openApp(page, '/rate-limit');
    await setPresenter(page, presenter);
    const burst = page.getByRole('button', { name: 'Burst of' });
    await burst.click();
    await expect(page.getByText('Done: 150 of 150 answered')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('live-admitted')).toHaveText('100');
    const live = page.getByRole('region', { name: 'Live: what the limiter decided' });
    await expectWorkbench(page, live);
    await expectInLabArea(page, live);
    await expectInViewport(page, burst);
    await expectInLabArea(page, burst);
  });

  test(`pagination cost, ${mode}: after Measure the cost chart is in view with its controls`, async ({
    page,
  }) => {
    await openApp(page, '/pagination');
    await setPresenter(page, presenter);
    await page.getByText('Cost per page', { exact: true }).click();
    await page.getByLabel('Users', { exact: true }).selectOption('10000');
    const measure = page.getByRole('button', { name: 'Measure 20-row pages' });
    await measure.click();
    await expect(page.getByTestId('measure-method')).toBeVisible({ timeout: 30_000 });
    const chart = page.getByRole('img', { name: /Cost per page/ });
    await expectWorkbench(page, chart);
    await expectInLabArea(page, chart);
    await expectInViewport(page, measure);
    await expectInLabArea(page, measure);
  });
}
