import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { ensureClientBuild, launchChromium } from './browser.js';
import { startTestStack, type StackOptions, type TestStack } from './stack.js';

export type OpenedPage = { context: BrowserContext; page: Page; pageErrors: string[] };

export type BrowserSuite = {
  readonly stack: TestStack;
  readonly browser: Browser;
  /**
   * A fresh visitor: a new context (desktop size, en-GB, Europe/Paris, no service worker
   * unless overridden) and its page, whose script errors — and console errors other than
   * the browser's own "Failed to load resource" for an API's 4xx — are collected.
   */
  open: (options?: BrowserContextOptions) => Promise<OpenedPage>;
};

/**
 * One platform and one Chromium for a browser test file, started before its tests and
 * stopped after them, with every context opened through `open` closed too.
 */
export function useBrowserSuite(options: StackOptions): BrowserSuite {
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureClientBuild();
    stack = await startTestStack(options);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite has not started yet');
    return value;
  };

  return {
    get stack() {
      return started(stack);
    },
    get browser() {
      return started(browser);
    },
    async open(contextOptions = {}) {
      const context = await started(browser).newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'en-GB',
        timezoneId: 'Europe/Paris',
        serviceWorkers: 'block',
        ...contextOptions,
      });
      contexts.push(context);
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      page.on('console', (message) => {
        // A 4xx answer is logged by the browser as a failed resource: that is the API speaking.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          pageErrors.push(`console: ${message.text()}`);
        }
      });
      return { context, page, pageErrors };
    },
  };
}
