import { describe, expect, it } from '@jest/globals';
import { LANGUAGES, textDirection } from '@convene/shared';
import { loadPrivacyCatalog } from '@convene/shared/i18n/privacy';
import { createWebinarRow } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { severeViolations } from '../support/workspace-steps.js';

/*
 * Issue 13 part 3 in real Chromium: from the registration form and the report form, in each
 * language, the privacy link leads to the notice in that language (Arabic right-to-left), with
 * this deployment's retention periods; axe finds no serious or critical violation on it.
 */
describe('privacy notice', () => {
  const suite = useBrowserSuite({
    kind: 'pglite',
    withWorker: false,
    smtp: false,
    env: { RETENTION_REGISTRANT_DAYS: '45', REPORT_RATE_LIMIT: '1000' },
  });

  it.each(LANGUAGES)('is one link away from each form, in %s, and accessible', async (language) => {
    const { stack } = suite;
    const webinar = await createWebinarRow(stack.db);
    const { page } = await suite.open();
    const { title } = await loadPrivacyCatalog(language);
    const forms = [`/webinars/${webinar.slug}?lang=${language}`, `/report?lang=${language}`];
    for (const path of forms) {
      await page.goto(`${stack.url}${path}`);
      await page.locator('form [data-testid="privacy-link"]').first().click();
      await page.waitForURL(/\/privacy$/);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      expect(await page.locator('html').getAttribute('dir')).toBe(textDirection(language));
      // The configured period, not the default.
      await expect(page.getByTestId('privacy-notice').textContent()).resolves.toContain('45');
    }
    // Loaded straight from a mail's link, too.
    await page.goto(`${stack.url}/privacy?lang=${language}`);
    await page.getByTestId('privacy-notice').waitFor();
    expect(await severeViolations(page, `privacy notice (${language})`)).toEqual([]);
  });
});
