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
  // …and nothing of it is cut off at the right edge.
  const overflow = await page.locator('header.topbar').evaluate((header) => {
    const right = Math.max(
      ...Array.from(header.querySelectorAll('button, a, input, select')).map(
        (element) => element.getBoundingClientRect().right,
      ),
    );
    return right - window.innerWidth;
  });
  expect(overflow, 'every control of the header is inside the window').toBeLessThanOrEqual(0);
}

/**
 * The whole of the element is visible: inside the viewport and inside every ancestor that clips
 * (the lab area, a scrolling result column). A box merely inside the viewport can still be
 * hidden, scrolled below the lab area's end, where the log sits.
 */
export async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const { box, visible } = await locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const clip = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const area = parent.getBoundingClientRect();
      clip.top = Math.max(clip.top, area.top);
      clip.left = Math.max(clip.left, area.left);
      clip.bottom = Math.min(clip.bottom, area.bottom);
      clip.right = Math.min(clip.right, area.right);
    }
    return {
      box: { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right },
      visible: clip,
    };
  });
  expect(box.top, 'result starts inside the visible area').toBeGreaterThanOrEqual(
    visible.top - 0.5,
  );
  expect(box.left, 'result starts inside the visible area').toBeGreaterThanOrEqual(
    visible.left - 0.5,
  );
  expect(box.bottom, 'result ends inside the visible area').toBeLessThanOrEqual(
    visible.bottom + 0.5,
  );
  expect(box.right, 'result ends inside the visible area').toBeLessThanOrEqual(visible.right + 0.5);
}

/** Turns presenter mode on or off through the header's toggle. */
export async function setPresenter(page: Page, on: boolean): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Presenter' });
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', String(on));
}
