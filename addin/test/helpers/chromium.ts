import { chromium, type Browser } from 'playwright-core';
import { browserExecutable } from '@kekao/test/helpers';

/** Real Chromium (found as test/helpers/browser.ts says), headless, no network side channels. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: browserExecutable(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const OFFICE_JS_PATTERN = 'https://appsforoffice.microsoft.com/**';
