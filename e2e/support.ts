import { expect, type Page } from '@playwright/test';

/** One answer as a page script sees it through the service worker. */
export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or null when it is empty or not JSON. */
  json: unknown;
}

/** Opens the built app and waits until the worker controls the page and the API answers. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('engine-status')).toContainText('API running');
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** `fetch` run inside the page, so the request goes through the service worker like the app's own. */
export function pageFetch(
  page: Page,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<PageAnswer> {
  return page.evaluate(
    async ({ method, path, init }) => {
      const response = await fetch(path, { method, ...init });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Empty or not JSON: the test looks at `text`.
      }
      return { status: response.status, headers: Object.fromEntries(response.headers), text, json };
    },
    { method, path, init },
  );
}

export const jsonBody = (body: unknown) => ({
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** Resolves once everything the API changed so far is saved in IndexedDB. */
export async function persisted(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const restlab = (window as { restlab?: { persistence: { idle(): Promise<void> } } }).restlab;
    if (!restlab) throw new Error('window.restlab is missing: the API did not start');
    await restlab.persistence.idle();
  });
}

/** Goes to a lab as a user does: the header's Labs button, then the lab's link. */
export async function goToLab(page: Page, title: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Labs' });
  await nav.getByRole('button', { name: /^Labs/ }).click();
  await nav.getByRole('link', { name: title, exact: true }).click();
}
