import { chromium, type Browser } from 'playwright-core';

/** Real Chromium (Debian's /usr/bin/chromium), headless, no network side channels. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const OFFICE_JS_PATTERN = 'https://appsforoffice.microsoft.com/**';
