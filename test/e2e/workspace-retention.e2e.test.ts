import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { purgePersonalData, retentionPolicyFromEnv } from '@convene/shared/privacy';
import type { Page } from 'playwright-core';
import { createWebinarRow } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { ADMIN } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * An admin opens /admin/retention in real Chromium: the configured periods, what is due at
 * the next run and what falls due on which day (counts, never who); after a purge, the page
 * names it. No serious axe violation in English nor in Arabic (right to left).
 */

const DAY = 24 * 3600_000;

describe('the retention page of the workspace', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false, withWorker: false });

  async function registrant(webinarId: string, name: string) {
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}@example.org`;
    await suite.stack.db.insert(tables.registrations).values({
      webinarId,
      name,
      email,
      emailNormalized: email,
      country: 'KE',
      language: 'en',
      timeZone: 'Africa/Nairobi',
      consentAt: new Date(),
      status: 'confirmed',
      manageToken: randomBytes(24).toString('base64url'),
    });
  }

  const row = (page: Page, category: string) =>
    page.locator(`[data-testid="retention-row"][data-category="${category}"]`);

  it('shows the periods and what falls due when, then the purge that ran', async () => {
    const now = Date.now();
    // Ended 100 days ago: due now (90 days). Ended 10 days ago: due in 80 days, on one day.
    const old = await createWebinarRow(suite.stack.db, { startsAt: new Date(now - 100 * DAY), durationMinutes: 60 });
    const recent = await createWebinarRow(suite.stack.db, { startsAt: new Date(now - 10 * DAY), durationMinutes: 60 });
    await registrant(old.id, 'Old Timer');
    await registrant(recent.id, 'Recent One');
    await registrant(recent.id, 'Recent Two');
    const dueDay = new Date(recent.startsAt.getTime() + 60 * 60_000 + 90 * DAY).toISOString().slice(0, 10);

    const { page, pageErrors } = await suite.open();
    await signInToWorkspace(page, suite.stack.url, ADMIN);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Retention' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/retention');
    await page.getByTestId('retention-table').waitFor();

    await expect(page.getByTestId('retention-periods').innerText()).resolves.toContain('90 days after their webinar');
    await expect(page.getByTestId('retention-periods').innerText()).resolves.toContain('30 days');
    await expect(page.getByTestId('retention-periods').innerText()).resolves.toContain('180 days');
    await expect(row(page, 'registrants').getByTestId('retention-due-now').innerText()).resolves.toBe('1');
    const upcoming = row(page, 'registrants').locator(`[data-testid="retention-upcoming"][data-day="${dueDay}"]`);
    await expect(upcoming.innerText()).resolves.toMatch(/: 2$/);
    await expect(row(page, 'contacts').getByTestId('retention-due-now').innerText()).resolves.toBe('0');
    // Counts only: nobody is named on the page.
    await expect(page.locator('main').innerText()).resolves.not.toMatch(/Old Timer|Recent One|example\.org/);
    await page.getByText('No purge has erased anything yet.').waitFor();
    expect(await severeViolations(page, 'retention (en)')).toEqual([]);

    await purgePersonalData(suite.stack.db, {
      policy: retentionPolicyFromEnv(suite.stack.running.ctx.env),
      privacyKey: suite.stack.running.ctx.privacyKey,
      dataDir: suite.stack.target.dataDir,
      now: new Date(),
    });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByTestId('retention-last-purge').waitFor();
    await expect(page.getByTestId('retention-last-purge').innerText()).resolves.toContain(
      'Registrants 1, named reporters 0, contacts 0.',
    );
    await expect(row(page, 'registrants').getByTestId('retention-due-now').innerText()).resolves.toBe('0');

    await page.goto(`${suite.stack.url}/admin/retention?lang=ar`);
    await page.getByTestId('retention-table').waitFor();
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    await page.getByRole('heading', { level: 1, name: 'الاحتفاظ بالبيانات الشخصية' }).waitFor();
    expect(await severeViolations(page, 'retention (ar)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
