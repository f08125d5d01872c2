import { describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { eq, isNull } from 'drizzle-orm';
import { createWebinarRow, eventually } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { ADMIN } from '../support/stack.js';
import {
  contactEmails,
  filterContacts,
  importContactsFile,
  openContacts,
  sendCampaignFromWorkspace,
  severeViolations,
  signInToWorkspace,
} from '../support/workspace-steps.js';

/*
 * A coordinator imports the member networks' contacts on the Contacts page (one line of the
 * file is bad and reported by its line), filters, edits and deletes a contact, invites a
 * segment twice — the second campaign counts its contacts as skipped, already invited — and
 * follows the preview's links, which unsubscribe nobody. In real Chromium, with the workers.
 */

const CONTACTS_CSV = [
  'email;name;organization;country;language;timeZone;tags',
  'amina@example.org;Amina Diallo;Réseau Migrants Sénégal;SN;fr;Africa/Dakar;west-africa',
  'awa@example.org;Awa Ndiaye;Réseau Migrants Sénégal;SN;fr;;west-africa',
  'not-an-address;Nobody;;SN;fr;;',
  'lucia@example.org;Lucía Pérez;Red Migrante;CO;es;America/Bogota;latam',
  'omar@example.org;Omar Haddad;Arab Network;MA;ar;;maghreb',
].join('\n');

describe('Contacts page and campaigns in Chromium', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false });

  it('imports a file with its per-line report, filters, edits and deletes; axe-clean in English and Arabic', async () => {
    const { page, pageErrors } = await suite.open();
    await signInToWorkspace(page, suite.stack.url, ADMIN);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Contacts' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/contacts');
    await page.getByTestId('contact-import').waitFor();
    expect(await severeViolations(page, 'contacts (en, empty)')).toEqual([]);

    const { counts, rejectedLines, report } = await importContactsFile(page, CONTACTS_CSV);
    expect(counts).toMatch(/New: 4, updated: 0, unchanged: 0, not imported: 1/);
    // Line 4 of the file (the header is line 1) holds the bad address.
    expect(rejectedLines).toEqual([4]);
    expect(await report.getByTestId('rejected-line').textContent()).toMatch(/email/);
    // The list reloads after the import: wait for its rows, not for the list as it was before.
    await page.locator('[data-testid="contact-row"]').nth(3).waitFor();
    expect(await contactEmails(page)).toEqual([
      'amina@example.org',
      'awa@example.org',
      'lucia@example.org',
      'omar@example.org',
    ]);
    expect(await severeViolations(page, 'contacts (en, report)')).toEqual([]);

    expect(await filterContacts(page, { region: 'africa', language: 'fr' })).toEqual([
      'amina@example.org',
      'awa@example.org',
    ]);
    expect(new URL(page.url()).search).toBe('?region=africa&language=fr');

    // Edit Awa: her organization and tags.
    await page.getByRole('button', { name: 'Edit awa@example.org' }).click();
    const editor = page.getByTestId('contact-editor');
    await editor.locator('input[name="organization"]').fill('Dakar Youth Network');
    await editor.locator('input[name="tags"]').fill('west-africa, youth');
    await editor.getByTestId('save-contact').click();
    await editor.waitFor({ state: 'detached' });
    const [awa] = await suite.stack.db
      .select()
      .from(tables.contacts)
      .where(eq(tables.contacts.emailNormalized, 'awa@example.org'));
    expect(awa).toMatchObject({ organization: 'Dakar Youth Network', tags: ['west-africa', 'youth'] });
    expect(await page.locator('[data-testid="contact-row"]', { hasText: 'Dakar Youth Network' }).count()).toBe(1);

    // Delete Amina, after confirming; keeping first changes nothing.
    await page.getByRole('button', { name: 'Delete amina@example.org' }).click();
    // The question takes the focus on its harmless answer: a second Enter deletes nothing.
    // (Read with page.evaluate: a polled string predicate needs eval, which the CSP forbids.)
    const focusedText = () => page.evaluate('document.activeElement?.textContent');
    await eventually(async () => (await focusedText()) === 'Keep the contact', 10_000).catch(() => undefined);
    expect(await focusedText()).toBe('Keep the contact');
    await page.getByRole('button', { name: 'Keep the contact' }).click();
    expect(await contactEmails(page)).toEqual(['amina@example.org', 'awa@example.org']);
    await page.getByRole('button', { name: 'Delete amina@example.org' }).click();
    await page.getByTestId('confirm-delete-contact').click();
    await page.getByTestId('confirm-delete').waitFor({ state: 'detached' });
    expect(await contactEmails(page)).toEqual(['awa@example.org']);
    const amina = await suite.stack.db
      .select()
      .from(tables.contacts)
      .where(eq(tables.contacts.emailNormalized, 'amina@example.org'));
    expect(amina).toEqual([]);

    // The same page in Arabic, right to left.
    await openContacts(page, suite.stack.url, '?lang=ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').first().textContent()).toBe('جهات الاتصال');
    await importContactsFile(page, CONTACTS_CSV);
    expect(await severeViolations(page, 'contacts (ar, report)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('counts a second campaign to the same segment as skipped, already invited, of the true total; preview links unsubscribe nobody', async () => {
    const { page, pageErrors } = await suite.open();
    await signInToWorkspace(page, suite.stack.url, ADMIN);
    const webinar = await createWebinarRow(suite.stack.db);
    await openContacts(page, suite.stack.url);
    await importContactsFile(page, CONTACTS_CSV);

    const first = await sendCampaignFromWorkspace(page, suite.stack.url, webinar.id, { languages: ['fr'] });
    expect(first.preview).toMatch(/Contacts to invite: 2\./);
    expect(first.progress).toMatch(/Sent: 2, queued: 0, failed: 0, skipped: 0 \(of 2\)/);
    expect(first.skipped).toBeNull();

    const second = await sendCampaignFromWorkspace(page, suite.stack.url, webinar.id, { languages: ['fr'] });
    expect(second.preview).toMatch(/Already invited to this webinar \(not invited again\): 2\./);
    expect(second.progress).toMatch(/Sent: 0, queued: 0, failed: 0, skipped: 2 \(of 2\)/);
    expect(second.skipped).toMatch(/already invited: 2/);

    // The preview: no link to click, and the addresses it shows lead nowhere.
    await page.goto(`${suite.stack.url}/admin/campaigns/new`);
    await page.locator(`#campaign-webinar option[value="${webinar.id}"]`).waitFor({ state: 'attached' });
    await page.locator('#campaign-webinar').selectOption(webinar.id);
    await page.getByTestId('preview-campaign').click();
    const preview = page.getByTestId('campaign-preview');
    await preview.waitFor();
    expect(await preview.locator('a[href]').count()).toBe(0);
    const text = (await preview.locator('pre').allTextContents()).join('\n');
    const urls = text.match(/http:\/\/convene\.test\/\S+/g) ?? [];
    expect(urls.length).toBeGreaterThanOrEqual(2);
    const onStack = urls.map((u) => u.replace('http://convene.test', suite.stack.url));
    for (const url of onStack) {
      await page.goto(url);
      const path = new URL(url).pathname;
      if (path.startsWith('/unsubscribe/')) {
        // The page offers a one-click button when the token is real: follow it if there is one.
        const button = page.locator('form[method="post"] button');
        if ((await button.count()) > 0) await button.first().click();
      }
    }
    const subscribed = await suite.stack.db
      .select()
      .from(tables.contacts)
      .where(isNull(tables.contacts.unsubscribedAt));
    expect(subscribed).toHaveLength(4);
    expect(pageErrors).toEqual([]);
  });
});
