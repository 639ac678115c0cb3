// Debian's chromium, driven by playwright-core (no browser download): where it is and how it is started,
// for the browser tests of the HTML report (report.browser.test.ts) and its measurement (measure.mjs).
import { chromium } from 'playwright-core';

/** The browser: CHROMIUM_PATH, else Debian's package (apt-get install chromium). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts it headless, sandbox and GPU off, with nothing fetched in the background. */
export const launchChromium = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
