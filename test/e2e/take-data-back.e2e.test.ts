import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { catalogs, reportCode, type TRegistrationResult, type TReportSubmitted } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { createWebinarRow, registrationBody, reportBody } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { openRegistrants, registrantRow } from '../support/registrants-steps.js';
import { ADMIN } from '../support/stack.js';
import { openContacts, severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * Issue 13's "done when", in real Chromium: a registrant deletes their data from the manage page
 * and a reporter withdraws a report with its receipt code, each through a second explicit step;
 * afterwards a row_to_json dump of every table holds neither the registrant's name and email
 * nor the report's text and identity, and the audit log holds only content-free tombstones.
 * An admin erases a registrant and a contact on request from the workspace (a coordinator has no
 * such button), and a coordinator's open reports list and report page show a withdrawal live.
 */

const REGISTRANT = {
  name: 'Zainab Quorraishi',
  email: 'zainab.quorraishi@example.org',
  organization: 'Qarawi Solidarity',
};
// A named report's name, email and phone arrive sealed (encrypted-identity tests); what is in
// clear for a named reporter is the organization.
const REPORTER = { organization: 'Velmoria Collective' };
const TEXT = {
  barriers: 'Quellbrook checkpoint guards confiscate passports',
  recommendations: 'Dismantle the Quellbrook holding pens',
  source: 'Marrowgate field interviews',
};

describe('taking data back in Chromium', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false });

  /** Every row of every table as JSON text, lower-cased (the method of the anonymity tests). */
  async function dump(): Promise<string> {
    const db = suite.stack.db;
    const names = (
      (await db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      )) as unknown as { rows: { table_name: string }[] }
    ).rows.map((r) => r.table_name);
    const parts: string[] = [];
    for (const name of names) {
      const rows = await db.execute(sql`select row_to_json(t)::text as j from ${sql.identifier(name)} t`);
      parts.push(...(rows as unknown as { rows: { j: string }[] }).rows.map((r) => r.j));
    }
    return parts.join('\n').toLowerCase();
  }

  it('a registrant deletes their data from the manage page; a reporter withdraws a report; both are gone from the database', async () => {
    const { stack } = suite;
    await stack.db.execute(sql`truncate table audit_log`);
    const webinar = await createWebinarRow(stack.db, { startsAt: new Date(Date.now() + 7 * 24 * 3600_000) });
    const registered = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody(REGISTRANT),
    });
    expect(registered.status).toBe(201);
    const { registration } = (await registered.json()) as TRegistrationResult;
    const [row] = await stack.db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.id, registration.id));
    const submitted = await stack.request('/api/reports', {
      method: 'POST',
      json: reportBody({ ...TEXT, reporter: { kind: 'named', ...REPORTER }, consent: 'attributed' }),
    });
    expect(submitted.status).toBe(201);
    const { receipt } = (await submitted.json()) as TReportSubmitted;
    const before = await dump();
    for (const needle of [REGISTRANT.name, REGISTRANT.email, REPORTER.organization, TEXT.barriers]) {
      expect(before).toContain(needle.toLowerCase());
    }

    const { page, pageErrors } = await suite.open();
    // The registrant: the first button only asks; "keep" takes the focus; the second deletes.
    await page.goto(`${stack.url}/manage/${row!.manageToken}?lang=en`);
    await page.getByTestId('manage-status').waitFor();
    await page.getByTestId('manage-delete').click();
    expect(await page.locator(':focus').textContent()).toBe('Keep my registration');
    await page.getByTestId('manage-confirm-delete').click();
    await page.getByTestId('manage-deleted').waitFor();
    // The link says so afterwards too.
    await page.reload();
    expect(await page.getByTestId('manage-deleted').textContent()).toContain('deleted');

    // The reporter: code, status, withdraw, confirm.
    await page.goto(`${stack.url}/report/status?lang=en`);
    await page.locator('#receipt-code').fill(receipt.receiptCode);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByTestId('withdraw-report').click();
    await page.getByTestId('confirm-withdraw-report').click();
    await page.getByTestId('report-withdrawn').waitFor();
    // Withdrawn, the report has no review status left to show: the notice alone says what happened,
    // at once and when the code is checked again.
    const outcome = page.locator('#receipt-check-outcome');
    await expect(outcome.innerText()).resolves.not.toContain(catalogs.en.report.status.new);
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByTestId('report-withdrawn').innerText()).resolves.toBe(
      catalogs.en.report.receiptPage.withdrawnStatus,
    );
    await expect(outcome.innerText()).resolves.not.toContain(catalogs.en.report.status.new);
    expect(pageErrors).toEqual([]);

    const after = await dump();
    for (const needle of [
      REGISTRANT.name,
      REGISTRANT.email,
      REGISTRANT.organization,
      REPORTER.organization,
      TEXT.barriers,
      TEXT.recommendations,
      TEXT.source,
      'quellbrook',
    ]) {
      expect(after).not.toContain(needle.toLowerCase());
    }
    const audit = await stack.db.select().from(tables.auditLog);
    expect(audit.map((a) => [a.action, a.targetType]).sort()).toEqual([
      ['registration.delete', 'registration'],
      ['report.withdraw', 'report'],
    ]);
    for (const entry of audit)
      expect(Object.keys(entry.details).every((k) => k === 'number' || k === 'webinarId')).toBe(true);
  });
  /** A coordinator (not an admin) with the admin's password, so that the workspace can sign them in. */
  async function coordinatorAccount(): Promise<{ email: string; password: string }> {
    const db = suite.stack.db;
    const [admin] = await db
      .select()
      .from(tables.coordinatorAccounts)
      .where(eq(tables.coordinatorAccounts.email, ADMIN.email));
    const email = `coordinator.${randomBytes(4).toString('hex')}@convene.test`;
    await db
      .insert(tables.coordinatorAccounts)
      .values({ email, passwordHash: admin!.passwordHash, role: 'coordinator' });
    return { email, password: ADMIN.password };
  }

  /** The confirmation step asks first: "keep" has the focus, and nothing is erased until the second button. */
  async function keepFocused(page: Page, confirmation: string, keep: string): Promise<void> {
    const step = page.getByTestId(confirmation);
    await step.waitFor();
    expect(await page.locator(':focus').textContent()).toBe(keep);
  }

  it('an admin erases a registrant and a contact on request in the workspace; a coordinator has no such button', async () => {
    const { stack } = suite;
    await stack.db.execute(sql`truncate table audit_log`);
    const person = {
      name: 'Oyelaran Thistlewood',
      email: 'oyelaran.thistlewood@example.org',
      organization: 'Brackenfold Aid',
    };
    const contact = { name: 'Quennell Ashgrove', email: 'quennell.ashgrove@example.org' };
    const webinar = await createWebinarRow(stack.db, { startsAt: new Date(Date.now() + 7 * 24 * 3600_000) });
    const registered = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody(person),
    });
    expect(registered.status).toBe(201);
    const { registration } = (await registered.json()) as TRegistrationResult;
    const [contactRow] = await stack.db
      .insert(tables.contacts)
      .values({
        email: contact.email,
        emailNormalized: contact.email,
        name: contact.name,
        country: 'KE',
        language: 'en',
        unsubscribeToken: randomBytes(24).toString('base64url'),
      })
      .returning();
    const before = await dump();
    for (const needle of [person.name, person.email, contact.name, contact.email]) {
      expect(before).toContain(needle.toLowerCase());
    }

    // A coordinator sees both lists, without an erase button on either.
    const coordinator = await suite.open();
    await signInToWorkspace(coordinator.page, stack.url, await coordinatorAccount());
    await openContacts(coordinator.page, stack.url);
    await coordinator.page.locator(`[data-testid="contact-row"][data-contact-id="${contactRow!.id}"]`).waitFor();
    expect(await coordinator.page.getByTestId('erase-contact').count()).toBe(0);
    await openRegistrants(coordinator.page, stack.url, webinar.id);
    await registrantRow(coordinator.page, person.email).waitFor();
    expect(await coordinator.page.getByTestId('erase-registrant').count()).toBe(0);
    expect(coordinator.pageErrors).toEqual([]);

    const { page, pageErrors } = await suite.open();
    await signInToWorkspace(page, stack.url, ADMIN);

    // The registrant: erase, "keep" focused, then the second step erases; the row says so.
    await openRegistrants(page, stack.url, webinar.id);
    await registrantRow(page, person.email).getByTestId('erase-registrant').click();
    await keepFocused(page, 'confirm-erase', 'Keep the registration');
    expect(await dump()).toContain(person.email);
    await page.getByTestId('confirm-erase').getByTestId('confirm-action').click();
    await page.getByTestId('confirm-erase').waitFor({ state: 'detached' });
    await page.locator('[data-testid="registrant-row"] em').first().waitFor();

    // The contact: erase, "keep" focused, then the second step; the row leaves the list.
    await openContacts(page, stack.url);
    const row = page.locator(`[data-testid="contact-row"][data-contact-id="${contactRow!.id}"]`);
    await row.getByTestId('erase-contact').click();
    await keepFocused(page, 'confirm-erase', 'Keep the contact');
    expect(await dump()).toContain(contact.email);
    await page.getByTestId('confirm-erase-contact').click();
    await row.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);

    const after = await dump();
    for (const needle of [
      person.name,
      person.email,
      person.organization,
      contact.name,
      contact.email,
      'thistlewood',
      'ashgrove',
    ]) {
      expect(after).not.toContain(needle.toLowerCase());
    }
    // The audit log holds the two erasures by id and counts, and nothing that names them.
    const audit = await stack.db.select().from(tables.auditLog);
    const erasures = audit.filter((a) => a.action !== 'auth.login');
    expect(erasures.map((a) => [a.action, a.targetType, a.targetId]).sort()).toEqual(
      [
        ['contact.erase_on_request', 'contact', contactRow!.id],
        ['registration.erase_on_request', 'registration', registration.id],
      ].sort(),
    );
    expect(JSON.stringify(audit).toLowerCase()).not.toMatch(/thistlewood|ashgrove|brackenfold/);
  });

  it('a coordinator’s open list marks a report withdrawn meanwhile; its page says when and offers no edit', async () => {
    const { stack } = suite;
    const submitted = await stack.request('/api/reports', {
      method: 'POST',
      json: reportBody({ barriers: 'Ferry operators refuse asylum seekers boarding', consent: 'anonymized' }),
    });
    expect(submitted.status).toBe(201);
    const { receipt } = (await submitted.json()) as TReportSubmitted;
    const [report] = await stack.db
      .select()
      .from(tables.reports)
      .where(eq(tables.reports.receiptCode, receipt.receiptCode));

    const { context, page, pageErrors } = await suite.open();
    await signInToWorkspace(page, stack.url, await coordinatorAccount());
    // Three open tabs of one coordinator, each with its live connection up: the overview, the
    // report's page (reached from it, so its connection is the overview's) and the list.
    const counted = (await stack.db.select().from(tables.reports)).filter((r) => r.withdrawnAt === null).length;
    const overview = await context.newPage();
    await overview.goto(`${stack.url}/admin/overview`);
    await overview.locator('[data-testid="live-status"][data-state="connected"]').waitFor();
    await overview
      .getByTestId('overview-totals')
      .filter({ hasText: `Reports: ${counted} ·` })
      .waitFor();
    const detail = await context.newPage();
    const detailErrors: string[] = [];
    detail.on('pageerror', (err) => detailErrors.push(err.message));
    await detail.goto(`${stack.url}/admin/overview`);
    await detail.locator('[data-testid="live-status"][data-state="connected"]').waitFor();
    await detail.locator(`[data-testid="recent-report"][data-report-id="${report!.id}"] a`).click();
    await detail.getByTestId('report-status').waitFor();

    await page.goto(`${stack.url}/admin/reports`);
    const row = page.locator(`[data-testid="report-row"][data-report-id="${report!.id}"]`);
    await row.waitFor();
    await page.locator('[data-testid="new-reports-notice"][data-live="connected"]').waitFor({ state: 'attached' });
    expect(await row.getByTestId('withdrawn-badge').count()).toBe(0);
    expect(await row.textContent()).toContain('Ferry operators');

    const withdrawn = await stack.request(`/api/reports/receipt/${receipt.receiptCode}/withdraw`, {
      method: 'POST',
      json: { confirm: true },
    });
    expect(withdrawn.status).toBe(200);
    // Without a reload: the row is marked and its text gone, and the change is announced.
    await row.getByTestId('withdrawn-badge').waitFor();
    expect(await row.textContent()).not.toContain('Ferry operators');
    await page
      .getByText(`Report ${reportCode(report!.number)} was withdrawn by its reporter.`)
      .waitFor({ state: 'attached' });
    // The overview counts it no more; the open report page turns into the tombstone.
    await overview
      .getByTestId('overview-totals')
      .filter({ hasText: `Reports: ${counted - 1} ·` })
      .waitFor();
    expect(await overview.locator(`[data-testid="recent-report"][data-report-id="${report!.id}"]`).count()).toBe(0);
    await detail.getByTestId('withdrawn-notice').waitFor();
    expect(await detail.getByTestId('report-status').count()).toBe(0);
    expect(detailErrors).toEqual([]);

    // The filter lists withdrawn reports alone.
    await page.goto(`${stack.url}/admin/reports?withdrawn=only`);
    await row.waitFor();
    expect(await page.getByTestId('report-row').count()).toBe(
      (await stack.db.select().from(tables.reports)).filter((r) => r.withdrawnAt !== null).length,
    );

    await row.getByRole('link').click();
    const notice = page.getByTestId('withdrawn-notice');
    await notice.waitFor();
    // The date in the reader's zone, the zone named (the suite's browsers are in Europe/Paris).
    expect(await notice.textContent()).toMatch(
      /Withdrawn by the reporter on .*Central European.*; its text and contact details were erased\./,
    );
    for (const panel of ['report-status', 'theme-editor', 'redaction-editor', 'notes', 'translation-panel']) {
      expect([panel, await page.getByTestId(panel).count()]).toEqual([panel, 0]);
    }
    expect(await severeViolations(page, 'withdrawn report (en)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
