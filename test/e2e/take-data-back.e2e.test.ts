import { describe, expect, it } from '@jest/globals';
import { type TRegistrationResult, type TReportSubmitted } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import { createWebinarRow, registrationBody, reportBody } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';

/*
 * Issue 13's "done when", in real Chromium: a registrant deletes their data from the manage page
 * and a reporter withdraws a report with its receipt code, each through a second explicit step;
 * afterwards a row_to_json dump of every table holds neither the registrant's name and email
 * nor the report's text and identity, and the audit log holds only content-free tombstones.
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
});
