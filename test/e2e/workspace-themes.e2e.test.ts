import { describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { asc } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../support/browser-suite.js';
import { ADMIN } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * An admin edits the theme taxonomy at /admin/themes in real Chromium: reorders with the
 * keyboard, adds a suggestion keyword; the public input form, opened afterwards on the same
 * running server (no restart), suggests that theme when the keyword is typed. The editor has
 * no serious axe violation in English and in Arabic (right to left).
 */

const THEME = 'contributions-development';
const KEYWORD = 'tenancy';

describe('the theme taxonomy editor in the workspace', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false, withWorker: false });

  /** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
  async function expectAccessible(page: Page, when: string) {
    expect(await severeViolations(page, when)).toEqual([]);
  }

  async function signIn(page: Page) {
    await signInToWorkspace(page, suite.stack.url, ADMIN);
  }

  const rowSlugs = (page: Page) =>
    page.locator('[data-testid="theme-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-slug')));

  it('reorders by keyboard and adds a keyword that the public form then suggests, without a restart', async () => {
    const { page, pageErrors } = await suite.open();
    await signIn(page);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Themes' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/themes');
    await page.getByTestId('themes-table').waitFor();
    const before = await rowSlugs(page);
    expect(before[0]).toBe('orientation');
    await expectAccessible(page, 'themes');

    // Keyboard only: focus "Move down" of the first consultation theme and press Enter twice.
    const moveDown = page.getByRole('button', { name: /^Move “Human rights of all migrants.*” down$/ });
    await moveDown.focus();
    await page.keyboard.press('Enter');
    await page
      .locator('[data-testid="theme-row"]')
      .nth(2)
      .and(page.locator('[data-slug="human-rights-inclusion"]'))
      .waitFor();
    // Focus stayed on the moved theme's button, so a second Enter moves it again.
    await page.keyboard.press('Enter');
    await page
      .locator('[data-testid="theme-row"]')
      .nth(3)
      .and(page.locator('[data-slug="human-rights-inclusion"]'))
      .waitFor();
    // A position number, typed and confirmed with Enter, puts it back.
    const position = page.locator('#theme-human-rights-inclusion-position');
    await position.fill('2');
    await position.press('Enter');
    await page
      .locator('[data-testid="theme-row"]')
      .nth(1)
      .and(page.locator('[data-slug="human-rights-inclusion"]'))
      .waitFor();
    const stored = await suite.stack.db
      .select({ slug: tables.themes.slug })
      .from(tables.themes)
      .orderBy(asc(tables.themes.position));
    expect(stored.map((t) => t.slug)).toEqual(before);

    // Add a keyword to a theme.
    await page.locator(`#theme-${THEME}-edit`).click();
    const form = page.getByTestId('theme-form');
    await form.waitFor();
    await expectAccessible(page, 'theme editor');
    const english = form.getByTestId('keywords-en');
    await english.fill(`${await english.inputValue()}\n${KEYWORD}`);
    await form.getByTestId('save-theme').click();
    await page.getByText(/saved\.$/).waitFor();
    await expect(page.getByTestId('theme-form').count()).resolves.toBe(0);

    // The public form, opened now by a reporter, suggests the theme from the new keyword.
    const reporter = await suite.open({ locale: 'en' });
    await reporter.page.goto(`${suite.stack.url}/report?lang=en`);
    const report = reporter.page.locator('form.report-form');
    await report.waitFor();
    // The orientation is not offered on the form.
    await expect(report.locator('input[name="themes"][value="orientation"]').count()).resolves.toBe(0);
    await report.locator('textarea[name="barriers"]').fill('Tenancy contracts are refused to newcomers.');
    const chip = report.locator(`button.chip-suggestion[data-theme="${THEME}"]`);
    await chip.waitFor();
    await expect(report.locator('.suggestions').textContent()).resolves.toContain(KEYWORD);

    expect(pageErrors).toEqual([]);
    expect(reporter.pageErrors).toEqual([]);
  }, 180_000);

  it('has no serious axe violation in Arabic, right to left, with the editor open', async () => {
    const { page, pageErrors } = await suite.open({ locale: 'ar' });
    await signIn(page);
    await page.goto(`${suite.stack.url}/admin/themes`);
    await page.getByTestId('themes-table').waitFor();
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toBe('المواضيع');
    await expectAccessible(page, 'themes (ar)');
    await page.getByTestId('new-theme').click();
    const form = page.getByTestId('theme-form');
    await form.waitFor();
    // A new theme without its English name is refused, the error shown beside the field.
    await form.locator('#theme-new-slug').fill('urban-integration');
    await form.getByTestId('save-theme').click();
    await form.locator('.field-invalid').first().waitFor();
    expect(await form.locator('#theme-new-name-en').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'new theme with errors (ar)');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
