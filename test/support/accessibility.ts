import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rules every page is held to: WCAG 2.1 A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Serious or critical WCAG 2.1 A/AA violations on the page as it is now, one line each.
 *
 * Two settings make a run take ~2 s instead of 10-20 s on the loaded 2-core machine, and
 * find the same violations (test/e2e/accessibility-check.e2e.test.ts compares): axe.run in
 * the page itself (legacy mode) instead of runPartial in each frame and then finishRun in a
 * blank page the whole partial result is copied into; and full details (a unique selector
 * for every node) for violations only, not for the thousands of passing nodes no one reads.
 * Same-origin frames are still injected and checked; the app has no cross-origin frames.
 */
export async function severeViolations(page: Page, when: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${when}: ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
