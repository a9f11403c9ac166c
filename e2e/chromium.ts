import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/**
 * Which Chromium the e2e tests and the bench drive: Debian's when it is there (Playwright
 * cannot download its own browser on this machine); CHROMIUM_PATH overrides it, and
 * CHROMIUM_PATH='' uses Playwright's bundled browser. The flags keep a headless run quiet on a
 * machine whose only network is loopback.
 */
const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : '');
export const CHROMIUM_LAUNCH = {
  ...(CHROMIUM_PATH ? { executablePath: CHROMIUM_PATH } : {}),
  args: [
    '--disable-gpu',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}
