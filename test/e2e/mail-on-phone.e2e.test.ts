import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { createWebinarRow, registrationBody } from '../factories.js';
import { launchChromium } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/*
 * An Arabic confirmation with a long join link, as received over real SMTP, opened in
 * Chromium on a 390 px phone: nothing is wider than the screen (defect 8 of issue 9).
 */

const PHONE = { width: 390, height: 844 };
const SCALE = 2;
const LONG_JOIN_URL = `https://meet.example.org/j/86753090124?pwd=${'Zq8xVb3N'.repeat(8)}&uname=participant`;

type Layout = { scrollWidth: number; dir: string; links: { left: number; right: number; dir: string }[] };

/** The pixel width of a PNG (its IHDR chunk). */
const pngWidth = (png: Buffer) => png.readUInt32BE(16);

describe('an Arabic mail on a 390 px phone', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startTestStack({ kind: 'pglite' });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it('fits the screen: the document is no wider than 390 px and every link stays inside it', async () => {
    const webinar = await createWebinarRow(stack.db, { joinUrl: LONG_JOIN_URL });
    const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody({ name: 'أمينة ديالو', language: 'ar', timeZone: 'Africa/Casablanca', country: 'MA' }),
    });
    expect(res.status).toBe(201);
    const [mail] = await stack.sink!.waitFor(1);
    const html = String(mail!.html);
    expect(html).toContain(LONG_JOIN_URL.replace(/&/g, '&amp;'));

    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: SCALE,
      isMobile: true,
      hasTouch: true,
      locale: 'ar',
    });
    try {
      const page = await context.newPage();
      // A mail client shows the HTML part with no network: nothing here loads anything.
      await page.setContent(html, { waitUntil: 'load' });
      // A string, evaluated in the page: the test's own TypeScript has no DOM types.
      const layout = (await page.evaluate(`(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        dir: document.documentElement.dir,
        links: [...document.querySelectorAll('a')].map((a) => {
          const box = a.getBoundingClientRect();
          return { left: box.left, right: box.right, dir: getComputedStyle(a).direction };
        }),
      }))()`)) as Layout;
      expect(layout.dir).toBe('rtl');
      expect(layout.scrollWidth).toBeLessThanOrEqual(PHONE.width);
      expect(layout.links.length).toBeGreaterThanOrEqual(2);
      for (const link of layout.links) {
        expect(link.dir).toBe('ltr');
        expect(link.left).toBeGreaterThanOrEqual(0);
        expect(link.right).toBeLessThanOrEqual(PHONE.width);
      }
      // The full-page screenshot is as wide as the screen: nothing sticks out to scroll to.
      const file = path.join(await mkdtemp(path.join(tmpdir(), 'convene-mail-')), 'arabic-mail-390.png');
      await page.screenshot({ path: file, fullPage: true });
      expect(pngWidth(await readFile(file))).toBe(PHONE.width * SCALE);
    } finally {
      await context.close();
    }
  });
});
