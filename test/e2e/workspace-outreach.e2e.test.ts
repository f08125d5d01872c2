import { describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { eventually } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { insertContacts } from '../support/campaign-helpers.js';
import { ADMIN } from '../support/stack.js';
import { signInToWorkspace } from '../support/workspace-steps.js';

/*
 * A coordinator schedules a webinar from the workspace (the start typed in the host's zone),
 * reschedules it, invites a segment of contacts and watches the campaign's progress bar fill
 * live, reads the mail in the outbox, then cancels the webinar — all in real Chromium, with
 * the mail workers running and mail kept in the local outbox.
 */

describe('outreach from the coordinator workspace in Chromium', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false });

  async function signedInPage(): Promise<{ page: Page; errors: string[] }> {
    const { page, pageErrors: errors } = await suite.open({ locale: 'fr-FR' });
    await signInToWorkspace(page, suite.stack.url, ADMIN, 'fr');
    return { page, errors };
  }

  it('schedules, reschedules, invites with live progress, shows the outbox, and cancels', async () => {
    const { page, errors } = await signedInPage();
    // French UI, Paris time; the webinar is hosted from Nairobi.
    expect(await page.locator('h1').first().textContent()).toBe('Vue d’ensemble');

    await page
      .getByRole('navigation', { name: 'Espace de coordination' })
      .getByRole('link', { name: 'Webinaires' })
      .click();
    await page.getByTestId('new-webinar').click();
    const form = page.getByTestId('webinar-form');
    await form.waitFor();

    // Submitting it empty lists what is missing, in French, and focuses the list.
    await page.getByTestId('save-webinar').click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Ce champ est obligatoire/);
    expect(await page.evaluate('document.activeElement?.classList.contains("error-summary")')).toBe(true);

    await form.locator('select[name="themeSlug"]').selectOption('irregular-migration-pathways');
    await form.locator('input[name="title-en"]').fill('Regular pathways: what changes in 2027');
    await form.locator('input[name="title-fr"]').fill('Voies régulières : ce qui change en 2027');
    await form
      .locator('textarea[name="description-en"]')
      .fill('Labour mobility, regularization and family reunification.');
    await form.locator('input[name="date"]').fill('2027-03-01');
    await form.locator('input[name="time"]').fill('14:00');
    await form.locator('select[name="hostTimeZone"]').selectOption('Africa/Nairobi');
    // 14:00 in Nairobi (UTC+3) is 12:00 in Paris (UTC+1), named as such.
    expect(await page.getByTestId('starts-preview').textContent()).toMatch(/12:00.*Europe\/Paris/);
    await form.locator('input[name="joinUrl"]').fill('https://meet.example.org/pathways-2027');
    await page.getByTestId('save-webinar').click();
    await page.waitForURL((url) => /^\/admin\/webinars\/[0-9a-f-]{36}$/.test(url.pathname));
    const webinarId = new URL(page.url()).pathname.split('/').pop()!;
    const [stored] = await suite.stack.db.select().from(tables.webinars).where(eq(tables.webinars.id, webinarId));
    expect(stored).toMatchObject({
      hostTimeZone: 'Africa/Nairobi',
      status: 'scheduled',
      reminderOffsetsMinutes: [10080, 1440, 60],
    });
    expect(stored!.startsAt.toISOString()).toBe('2027-03-01T11:00:00.000Z');

    // Reschedule: one hour later; only the start is sent, and the version moves on.
    await form.locator('input[name="time"]').fill('15:00');
    await page.getByTestId('save-webinar').click();
    await eventually(async () => {
      const [row] = await suite.stack.db.select().from(tables.webinars).where(eq(tables.webinars.id, webinarId));
      return row?.startsAt.toISOString() === '2027-03-01T12:00:00.000Z' && row.version === 2;
    });

    // Invite the francophone contacts of West Africa.
    await insertContacts(suite.stack.db, 3, 'fr-sn', () => ({ language: 'fr', country: 'SN' }));
    await insertContacts(suite.stack.db, 2, 'en-ke', () => ({ language: 'en', country: 'KE' }));
    await page
      .getByRole('navigation', { name: 'Espace de coordination' })
      .getByRole('link', { name: 'Campagnes' })
      .click();
    await page.getByTestId('new-campaign').click();
    await page.locator('#campaign-webinar').selectOption(webinarId);
    await page.locator('#seg-language-fr').check();
    await page.getByTestId('preview-campaign').click();
    const preview = page.getByTestId('campaign-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/Contacts à inviter : 3/);
    await page.getByTestId('send-campaign').click();
    await page.waitForURL((url) => url.pathname === '/admin/campaigns');
    const progress = page.locator('[data-testid="campaign-progress"][data-done="true"]');
    await progress.waitFor({ timeout: 30_000 });
    expect(await progress.textContent()).toMatch(/Envoyées : 3/);
    expect(await progress.locator('progress').getAttribute('value')).toBe('3');

    // The invitations are in the local outbox.
    await page
      .getByRole('navigation', { name: 'Espace de coordination' })
      .getByRole('link', { name: 'Boîte d’envoi' })
      .click();
    await page.getByTestId('outbox-table').waitFor();
    const rows = await page.getByTestId('outbox-row').allTextContents();
    expect(rows.filter((r) => r.includes('fr-sn-'))).toHaveLength(3);
    expect(rows.some((r) => r.includes('en-ke-'))).toBe(false);

    // Cancel, in two steps.
    await page.goto(`${suite.stack.url}/admin/webinars/${webinarId}`);
    await page.getByTestId('cancel-webinar').click();
    await page.getByTestId('confirm-cancel-webinar').click();
    await page.locator('[data-testid="webinar-status"]', { hasText: 'Annulé' }).waitFor();
    const [cancelled] = await suite.stack.db.select().from(tables.webinars).where(eq(tables.webinars.id, webinarId));
    expect(cancelled!.status).toBe('cancelled');
    expect(errors).toEqual([]);
  }, 150_000);
});
