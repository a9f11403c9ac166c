import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The workbench promises (docs: STYLE.md, "The workbench"), checked the same way for every lab:
 * only the lab area scrolls, the header keeps to one line, and after a lab's main action its
 * result is inside the viewport without the user scrolling.
 */
export async function expectWorkbench(page: Page, result?: Locator): Promise<void> {
  const { scrollHeight, innerHeight } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight: window.innerHeight,
  }));
  expect(scrollHeight, 'the document itself never scrolls').toBeLessThanOrEqual(innerHeight);
  await expectHeaderOnOneLine(page);
  if (result) await expectInViewport(page, result);
}

/** Every child of the top bar sits on the same row. */
export async function expectHeaderOnOneLine(page: Page): Promise<void> {
  const rows = await page.locator('header.topbar').evaluate((header) => {
    const tops = new Set<number>();
    for (const child of Array.from(header.children)) {
      const box = child.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) tops.add(Math.round(box.top + box.height / 2));
    }
    // Children of different heights centred on one line differ by a pixel or two at most.
    const sorted = [...tops].sort((a, b) => a - b);
    return sorted.length === 0 ? 0 : (sorted.at(-1) ?? 0) - (sorted[0] ?? 0);
  });
  expect(rows, 'the header keeps to one line').toBeLessThanOrEqual(4);
}

/** The whole of the element is inside the viewport (not merely scrolled into the lab area). */
export async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('no bounding box or viewport');
  expect(box.y, 'result starts inside the viewport').toBeGreaterThanOrEqual(0);
  expect(box.x, 'result starts inside the viewport').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'result ends inside the viewport').toBeLessThanOrEqual(
    viewport.height + 0.5,
  );
  expect(box.x + box.width, 'result ends inside the viewport').toBeLessThanOrEqual(
    viewport.width + 0.5,
  );
}

/** Turns presenter mode on or off through the header's toggle. */
export async function setPresenter(page: Page, on: boolean): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Presenter' });
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', String(on));
}
