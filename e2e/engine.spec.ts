import { expect, test } from '@playwright/test';

test('the built page is controlled by the worker and answers /api', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('engine-status')).toContainText('API running');
  const result = await page.evaluate(async () => {
    const response = await fetch('/api/v1/users?limit=2');
    return {
      controlled: navigator.serviceWorker.controller !== null,
      status: response.status,
      body: await response.json(),
    };
  });
  expect(result.controlled).toBe(true);
  expect(result.status).toBe(200);
  expect(result.body.data).toHaveLength(2);
});
