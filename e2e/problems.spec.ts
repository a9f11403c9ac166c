import { expect, test } from '@playwright/test';
import { PROBLEM_TYPES } from '../src/api/problems.ts';
import { PROBLEM_EXAMPLES } from '../src/ui/problems/examples.ts';
import { openApp } from './support.ts';

// Every problem page's example, run through the real worker with the clock running as a
// visitor has it: each must come back as its own problem type.
const runnable = Object.entries(PROBLEM_EXAMPLES).filter(
  ([, example]) => example.kind === 'requests',
);

test('the problems index lists every problem type', async ({ page }) => {
  await openApp(page, '/problems');
  for (const type of Object.values(PROBLEM_TYPES)) {
    await expect(page.getByRole('link', { name: new RegExp(type.title) }).first()).toBeVisible();
  }
});

for (const [slug] of runnable) {
  test(`/problems/${slug}: its example answers ${slug}`, async ({ page }) => {
    const type = PROBLEM_TYPES[slug as keyof typeof PROBLEM_TYPES];
    await openApp(page, `/problems/${slug}`);
    await page.getByRole('button', { name: /^Send th(is request|ese requests)$/ }).click();
    const results = page.getByRole('region', { name: 'What came back' });
    await expect(results).toContainText(`"type": "/problems/${slug}"`);
    await expect(results).toContainText(String(type.status));
    await expect(results).not.toContainText('answered something else');
  });
}
