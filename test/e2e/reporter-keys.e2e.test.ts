import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ZPublicReporterKey, type TCreateReportInput } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { reportBody } from '../factories.js';
import { unmailedInvitationToken } from '../support/account-mail.js';
import { useBrowserSuite, type OpenedPage } from '../support/browser-suite.js';
import { signIn } from '../support/coordinator-session.js';
import { sealedReporter } from '../support/sealed-identity.js';
import { ADMIN } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * Issue 13, part 5, in real Chromium: an admin makes the reporter key in the workspace (the
 * pair made and wrapped in the browser), rotates it, and reveals named reporters' contact
 * details sealed to either key with that key's passphrase — opened in the browser, audited on
 * the server, never in clear anywhere else. Coordinators see neither the keys nor a reveal.
 */

const PASSPHRASE_1 = 'first coalition passphrase, kept offline';
const PASSPHRASE_2 = 'second passphrase after the rotation';
const COORDINATOR_PASSWORD = 'a long enough password';

describe('reporter keys and revealing a named reporter in the workspace', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false, withWorker: false, env: { REPORT_RATE_LIMIT: '1000' } });

  /** Submits a report through the public API as the form would, and returns its id. */
  async function submitReport(reporter: TCreateReportInput['reporter'], clientSubmissionId: string) {
    const res = await suite.stack.request('/api/reports', {
      method: 'POST',
      json: reportBody({ clientSubmissionId, reporter, consent: 'attributed' }),
    });
    expect(res.status).toBe(201);
    const [row] = await suite.stack.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, clientSubmissionId));
    return row!.id;
  }

  /** A named report sealed to the key the form is served now (GET /api/reporter-key). */
  async function submitSealed(identity: { name: string; email: string; phone: string }) {
    const served = ZPublicReporterKey.parse(await (await suite.stack.request('/api/reporter-key')).json());
    if (!served.key) throw new Error('no reporter key is served');
    const clientSubmissionId = randomUUID();
    const reporter = await sealedReporter(
      { id: served.key.kid, publicKey: served.key.publicKey },
      clientSubmissionId,
      'Réseau Migrants',
      identity,
    );
    return { id: await submitReport(reporter, clientSubmissionId), kid: served.key.kid };
  }

  /** Makes a key in the page; proves the form showed its busy state while the browser wrapped it. */
  async function createKey(page: Page, passphrase: string) {
    const form = page.getByTestId('new-key-form');
    await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await form.getByLabel('Repeat the passphrase').fill(passphrase);
    await form.getByLabel(/I have written the passphrase down/).check();
    // Page code as text: the test's types have no DOM.
    await page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="new-key-form"]');
      window.busySeen = false;
      new MutationObserver(() => {
        if (el.getAttribute('aria-busy') === 'true') window.busySeen = true;
      }).observe(el, { attributes: true, attributeFilter: ['aria-busy'] });
    })()`);
    await form.getByRole('button', { name: 'Make the key' }).click();
    await page.getByTestId('new-key-done').waitFor();
    expect(await page.evaluate('window.busySeen')).toBe(true);
    // Cleared once sent: the passphrase is not left in the page.
    await expect(form.getByLabel('Passphrase', { exact: true }).inputValue()).resolves.toBe('');
  }

  /** Opens a report by its workspace link (client-side: keys unlocked in the tab stay). */
  async function openReport(page: Page, id: string) {
    await page.evaluate(`(() => {
      window.history.pushState(null, '', ${JSON.stringify(`/admin/reports/${id}`)});
      window.dispatchEvent(new PopStateEvent('popstate'));
    })()`);
    await page.locator(`[data-testid="report-detail"][data-report-id="${id}"]`).waitFor();
  }

  const identityPosts = (paths: string[]) => paths.filter((p) => /\/api\/admin\/reports\/[^/]+\/identity$/.test(p));

  // One admin's journey, in steps that share the tab (keys unlocked in it stay between steps).
  const tag = randomBytes(4).toString('hex');
  const first = { name: `Amina Diallo ${tag}`, email: `amina.${tag}@example.org`, phone: '+221 70 123 45 67' };
  const second = { name: `José Pérez ${tag}`, email: `jose.${tag}@example.org`, phone: '+34 600 111 222' };
  const posted: { path: string; body: string }[] = [];
  let opened: OpenedPage;
  let report1: { id: string; kid: string };
  let report2: { id: string; kid: string };
  const panel = () => opened.page.getByTestId('identity-panel');

  it('makes the key in the browser under the passphrase rule, then rotates it', async () => {
    opened = await suite.open();
    const { page } = opened;
    page.on('request', (request) => {
      if (request.method() !== 'GET') {
        posted.push({ path: new URL(request.url()).pathname, body: request.postData() ?? '' });
      }
    });
    await signInToWorkspace(page, suite.stack.url, ADMIN);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Reporter keys' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/reporter-keys');
    await page.getByTestId('reporter-keys-empty').waitFor();
    await expect(page.getByTestId('new-key-warning').innerText()).resolves.toContain('can never be read');

    // The strength rule and the confirmation, checked before anything is made or sent.
    const form = page.getByTestId('new-key-form');
    await form.getByLabel('Passphrase', { exact: true }).fill('too short');
    await form.getByRole('button', { name: 'Make the key' }).click();
    await page.getByText('The passphrase needs at least 12 characters.').waitFor();
    await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE_1);
    await form.getByLabel('Repeat the passphrase').fill(`${PASSPHRASE_1}!`);
    await form.getByRole('button', { name: 'Make the key' }).click();
    await page.getByText('The two passphrases are not the same.').waitFor();
    expect(posted.filter((p) => p.path === '/api/admin/reporter-keys')).toEqual([]);

    await createKey(page, PASSPHRASE_1);
    await page.getByTestId('reporter-key-row').first().waitFor();
    expect(await page.getByTestId('reporter-key-row').count()).toBe(1);
    report1 = await submitSealed(first);

    // Rotation: the new key is the active one, the old one retired but listed.
    await createKey(page, PASSPHRASE_2);
    await page.locator('[data-testid="reporter-key-row"][data-state="retired"]').waitFor();
    const rows = page.getByTestId('reporter-key-row');
    expect(await rows.count()).toBe(2);
    await expect(rows.nth(0).getAttribute('data-state')).resolves.toBe('active');
    await expect(rows.nth(1).getAttribute('data-key-id')).resolves.toBe(report1.kid);
    await expect(rows.nth(1).getByTestId('reporter-key-status').innerText()).resolves.toMatch(/^Retired .+/);
    report2 = await submitSealed(second);
    expect(report2.kid).not.toBe(report1.kid);
    await expect(rows.nth(0).getAttribute('data-key-id')).resolves.toBe(report2.kid);
  });

  it('reveals a report sealed to the retired key with that key’s passphrase only, in one audited request', async () => {
    const { page } = opened;
    // A named report that left no contact details says so.
    const bareId = randomUUID();
    const bare = await submitReport({ kind: 'named', organization: 'Org without contact', identity: null }, bareId);
    await openReport(page, bare);
    await expect(page.getByTestId('identity-none').innerText()).resolves.toBe('No contact details were left.');

    // Report 1, sealed to the retired key: the second passphrase does not open it, the first does.
    await openReport(page, report1.id);
    await panel().getByRole('button', { name: 'Reveal identity' }).click();
    await panel().getByLabel('Passphrase of the reporter key').fill(PASSPHRASE_2);
    await panel().getByRole('button', { name: 'Open' }).click();
    await panel().getByTestId('identity-error').waitFor();
    await expect(panel().getByTestId('identity-error').innerText()).resolves.toBe(
      `This passphrase does not open key ${report1.kid.slice(0, 8)}. Check it and try again.`,
    );
    // Back in the field to try again.
    await page.locator('#identity-passphrase:focus').waitFor();
    await panel().getByTestId('identity-retired-key').waitFor();
    await panel()
      .getByLabel(`Passphrase of key ${report1.kid.slice(0, 8)}`)
      .fill(PASSPHRASE_1);
    await panel().getByRole('button', { name: 'Open' }).click();
    await panel().getByTestId('identity-revealed').waitFor();
    await expect(panel().getByTestId('identity-name').innerText()).resolves.toBe(first.name);
    await expect(panel().getByTestId('identity-email').innerText()).resolves.toBe(first.email);
    await expect(panel().getByTestId('identity-phone').innerText()).resolves.toBe(first.phone);
    // One audited request for the reveal: the retry after the wrong passphrase sent nothing.
    expect(identityPosts(posted.map((p) => p.path))).toEqual([`/api/admin/reports/${report1.id}/identity`]);
  });

  it('reveals a report sealed to the active key and keeps the key unlocked in the tab until locked', async () => {
    const { page } = opened;
    // Report 2, with the active key, kept unlocked for the tab: a second reveal asks nothing.
    await openReport(page, report2.id);
    await panel().getByRole('button', { name: 'Reveal identity' }).click();
    await panel().getByLabel('Passphrase of the reporter key').fill(PASSPHRASE_2);
    await panel()
      .getByLabel(/Keep the key unlocked in this tab/)
      .check();
    await panel().getByRole('button', { name: 'Open' }).click();
    await panel().getByTestId('identity-revealed').waitFor();
    await expect(panel().getByTestId('identity-name').innerText()).resolves.toBe(second.name);
    await expect(panel().getByTestId('identity-email').innerText()).resolves.toBe(second.email);
    await expect(panel().getByTestId('identity-phone').innerText()).resolves.toBe(second.phone);
    await panel().getByRole('button', { name: 'Hide' }).click();
    await panel().getByRole('button', { name: 'Reveal identity' }).click();
    await panel().getByTestId('identity-revealed').waitFor();
    await expect(panel().getByTestId('identity-email').innerText()).resolves.toBe(second.email);
    // Locked, the key is forgotten: the next reveal asks the passphrase again.
    await panel()
      .getByRole('button', { name: `Lock key ${report2.kid.slice(0, 8)}` })
      .click();
    await panel().getByRole('button', { name: 'Hide' }).click();
    await panel().getByRole('button', { name: 'Reveal identity' }).click();
    await panel().getByLabel('Passphrase of the reporter key').waitFor();
    expect(identityPosts(posted.map((p) => p.path))).toEqual([
      `/api/admin/reports/${report1.id}/identity`,
      `/api/admin/reports/${report2.id}/identity`,
      `/api/admin/reports/${report2.id}/identity`,
    ]);
  });

  it('sends, stores and audits no passphrase and no clear identity; the audit log lists each reveal', async () => {
    const { page } = opened;
    // Nothing the browser sent holds a passphrase or a clear identity; nothing is in storage.
    const secrets = [PASSPHRASE_1, PASSPHRASE_2, ...Object.values(first), ...Object.values(second)];
    for (const { path, body } of posted) {
      for (const secret of secrets) expect({ path, holds: body.includes(secret) }).toEqual({ path, holds: false });
    }
    const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })');
    for (const secret of secrets) expect(stored).not.toContain(secret);

    // The wrapped keys in the database never hold a passphrase, in clear or encoded.
    const keys = await suite.stack.db.select().from(tables.reporterKeys);
    expect(keys.map((k) => k.id).sort()).toEqual([report1.kid, report2.kid].sort());
    const keyRows = JSON.stringify(keys);
    for (const passphrase of [PASSPHRASE_1, PASSPHRASE_2]) {
      expect(keyRows).not.toContain(passphrase);
      expect(keyRows).not.toContain(Buffer.from(passphrase).toString('base64url'));
      expect(keyRows).not.toContain(Buffer.from(passphrase).toString('base64'));
    }

    // The audit log has each reveal, by the admin, with ids only.
    const audit = await suite.stack.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.action, 'report.identity_reveal'));
    expect(audit.map((a) => a.targetId).sort()).toEqual([report1.id, report2.id, report2.id].sort());
    expect(audit.map((a) => a.details)).toEqual(
      expect.arrayContaining([{ keyId: report1.kid }, { keyId: report2.kid }]),
    );
    const auditText = JSON.stringify(await suite.stack.db.select().from(tables.auditLog));
    for (const secret of secrets) expect(auditText).not.toContain(secret);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Audit log' }).click();
    await page.locator('[data-testid="audit-row"][data-action="report.identity_reveal"]').first().waitFor();
    expect(await page.locator('[data-testid="audit-row"][data-action="report.identity_reveal"]').count()).toBe(3);
  });

  it('has no serious accessibility violation on the keys page, in English and in Arabic (right to left)', async () => {
    const { page, pageErrors } = opened;
    await page.goto(`${suite.stack.url}/admin/reporter-keys`);
    await page.getByTestId('reporter-keys-table').waitFor();
    expect(await severeViolations(page, 'reporter keys (en)')).toEqual([]);
    await page.goto(`${suite.stack.url}/admin/reporter-keys?lang=ar`);
    await page.getByTestId('reporter-keys-table').waitFor();
    await page.waitForFunction("document.documentElement.dir === 'rtl'");
    await page.getByRole('heading', { level: 1, name: 'مفاتيح المُبلِّغين' }).waitFor();
    expect(await severeViolations(page, 'reporter keys (ar)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows a coordinator neither the keys page nor a reveal', async () => {
    const admin = await signIn(suite.stack);
    const email = `coordinator.${tag}@convene.test`;
    const invited = await suite.stack.request('/api/admin/accounts/invitations', {
      method: 'POST',
      headers: admin.headers,
      json: { email, role: 'coordinator', regionScope: null, themeScope: null },
    });
    expect(invited.status).toBe(201);
    const { account } = (await invited.json()) as { account: { id: string } };
    const token = await unmailedInvitationToken(suite.stack.db, account.id);
    const accepted = await suite.stack.request('/api/auth/invitation', {
      method: 'POST',
      json: { token, password: COORDINATOR_PASSWORD },
    });
    expect(accepted.status).toBe(204);

    const coordinator = await suite.open();
    await signInToWorkspace(coordinator.page, suite.stack.url, { email, password: COORDINATOR_PASSWORD });
    const nav = coordinator.page.getByRole('navigation', { name: 'Workspace' });
    await nav.getByRole('link', { name: 'Reports' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Reporter keys' }).count()).toBe(0);
    await openReport(coordinator.page, report1.id);
    await expect(coordinator.page.getByTestId('identity-admin-only').innerText()).resolves.toContain(
      'Only an admin can reveal them',
    );
    expect(await coordinator.page.getByRole('button', { name: 'Reveal identity' }).count()).toBe(0);
    expect(coordinator.pageErrors).toEqual([]);
  });
});
