import { expect, test } from '@playwright/test';
import { openApp } from './support.ts';
import { expectInViewport, expectWorkbench, setPresenter } from './workbench.ts';

// The workbench promise for the Rate limit and Pagination (cost) labs at 1280×720: after the
// lab's main action, its result is in the viewport, beside the control that made it, and only
// the lab area scrolls. The document and header checks depend on the shell's layout as well.
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
    await expectWorkbench(page, page.getByTestId('live-panel'));
    await expectInViewport(page, burst);
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
    await expect(page.getByRole('img', { name: /Cost per page/ })).toBeVisible();
    await expectWorkbench(page, page.getByTestId('cost-result'));
    await expectInViewport(page, measure);
  });
}
