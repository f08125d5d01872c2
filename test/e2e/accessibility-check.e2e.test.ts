import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { severeViolations, WCAG_TAGS } from '../support/accessibility.js';
import { launchChromium } from '../support/browser.js';

/*
 * The accessibility check every browser test makes runs axe in its quick settings
 * (test/support/accessibility.ts). Here it meets a page with one violation of each kind the
 * journeys guard against, and must find exactly what axe's default, slow run finds.
 */

const FLAWED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flawed</title></head><body>
  <main>
    <h1>Report</h1>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">
    <p style="color:#aaa;background:#fff">Faint text nobody can read</p>
    <button></button>
    <label>Region <select><option>Africa</option></select></label>
    <input type="text">
    <a href="/x"></a>
    <ul><li>fine</li><div>not a list item</div></ul>
    <div role="checkbox">no state</div>
  </main>
</body></html>`;

const severe = (violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) =>
  violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `page: ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('the accessibility check of the browser tests', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    // A context of its own: axe's default run opens its blank page in it.
    context = await browser.newContext();
    page = await context.newPage();
    await page.setContent(FLAWED_PAGE);
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("finds every serious violation axe's default run finds, on the same elements", async () => {
    const quick = await severeViolations(page, 'page');
    const full = severe((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations);
    expect(full.length).toBeGreaterThanOrEqual(5);
    expect(quick.sort()).toEqual(full.sort());
    for (const rule of ['image-alt', 'color-contrast', 'button-name', 'label', 'link-name'])
      expect(quick.some((line) => line.startsWith(`page: ${rule} `))).toBe(true);
  }, 120_000);
});
