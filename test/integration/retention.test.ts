import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QUEUES, RETENTION_SCHEDULER_ID, type TContactImportResult } from '@convene/shared';
import type { ReporterIdentity } from '@convene/shared/crypto';
import { tables } from '@convene/shared/db';
import {
  PURGE_AUDIT_ACTION,
  purgePersonalData,
  retentionPolicyFromEnv,
  type PurgeCounts,
} from '@convene/shared/privacy';
import { Queue } from 'bullmq';
import { eq, inArray, sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { createWebinarRow, eventually, registrationBody, reportBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { insertReporterKey, sealedReporter } from '../support/sealed-identity.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const DAY = 24 * 3600_000;
const THEME = 'human-rights-inclusion';
const NAMED = {
  organization: 'Red de Migrantes',
  name: 'Lucía Ferrer',
  email: 'lucia@example.org',
  phone: '+34 600 123 456',
};
const CONTACTS = ['gone.unsub@example.org', 'gone.bounce@example.org', 'still.here@example.org'];

/**
 * The retention policy, with time moved forward by an injected clock: each step erases what
 * has fallen due and nothing else, keeps what the counts need, and audits counts only.
 */
describe.each(databaseKinds())('retention of personal data (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  const start = new Date();
  const at = (days: number) => new Date(start.getTime() + days * DAY);
  const ids = { ended: [] as string[], later: [] as string[], named: '', namedOutside: '', anonymous: '' };
  let endedAt: Date;

  const request = (p: string, init: RequestInit & { json?: unknown } = {}) =>
    stack.request(p, { ...init, headers: { ...admin.headers, ...(init.headers as object) } });
  const purge = (now: Date): Promise<PurgeCounts> =>
    purgePersonalData(stack.db, {
      policy: retentionPolicyFromEnv(stack.running.ctx.env),
      privacyKey: stack.running.ctx.privacyKey,
      dataDir: stack.target.dataDir,
      now,
    });
  const importCsv = async (lines: string[]): Promise<TContactImportResult> => {
    const res = await request('/api/admin/contacts/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      body: `email,name,country,language\n${lines.join('\n')}\n`,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as TContactImportResult;
  };
  const contact = async (email: string) =>
    (await stack.db.select().from(tables.contacts).where(eq(tables.contacts.emailNormalized, email)))[0];
  const registrationsOf = (list: string[]) =>
    stack.db.select().from(tables.registrations).where(inArray(tables.registrations.id, list));
  const dump = async () => {
    const tablesResult = await stack.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const names = (tablesResult as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
    const parts = await Promise.all(
      names.map(async (name) => {
        const rows = await stack.db.execute(sql`select row_to_json(t)::text as j from ${sql.identifier(name)} t`);
        return (rows as unknown as { rows: { j: string }[] }).rows.map((r) => r.j).join('\n');
      }),
    );
    return parts.join('\n').toLowerCase();
  };

  async function submitReport(body: ReturnType<typeof reportBody>): Promise<string> {
    expect((await stack.request('/api/reports', { method: 'POST', json: body })).status).toBe(201);
    const [row] = await stack.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
    return row!.id;
  }

  beforeAll(async () => {
    // The worker runs (local outbox): confirmations land as outbox rows and .eml copies.
    stack = await startTestStack({ kind, smtp: false, env: { REPORT_RATE_LIMIT: '10000' } });
    admin = await signIn(stack);
    await truncateActivity(stack.db);
    await stack.db.execute(sql`truncate table compilations, contacts, address_suppressions cascade`);

    // One reminder an hour before: planned (pending) at registration, not due while the test runs.
    const ended = await createWebinarRow(stack.db, { startsAt: at(1), reminderOffsetsMinutes: [60] });
    const later = await createWebinarRow(stack.db, { startsAt: at(120), reminderOffsetsMinutes: [60] });
    endedAt = new Date(ended.startsAt.getTime() + ended.durationMinutes * 60_000);
    for (const [webinar, list, countries] of [
      [ended, ids.ended, ['SN', 'MX']],
      [later, ids.later, ['JO']],
    ] as const) {
      for (const country of countries) {
        const body = registrationBody({ name: `Registrant ${country}`, country });
        const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, { method: 'POST', json: body });
        expect(res.status).toBe(201);
        const [row] = await stack.db
          .select({ id: tables.registrations.id })
          .from(tables.registrations)
          .where(eq(tables.registrations.emailNormalized, body.email));
        list.push(row!.id);
      }
    }

    const themes = [{ slug: THEME, provenance: 'chosen' as const }];
    const key = await insertReporterKey(stack.db);
    const named = async (identity: Partial<ReporterIdentity>) => {
      const clientSubmissionId = randomUUID();
      const reporter = await sealedReporter(key, clientSubmissionId, NAMED.organization, identity);
      return reportBody({ clientSubmissionId, themes, reporter, consent: 'attributed' });
    };
    ids.named = await submitReport(await named(NAMED));
    ids.anonymous = await submitReport(reportBody({ themes }));
    ids.namedOutside = await submitReport(await named({ name: 'Outside Brief', email: 'outside@example.org' }));
    for (const id of [ids.named, ids.anonymous]) {
      const res = await request(`/api/admin/reports/${id}`, { method: 'PATCH', json: { status: 'included' } });
      expect(res.status).toBe(200);
    }
    expect((await request('/api/admin/compilations', { method: 'POST', json: { themeSlug: THEME } })).status).toBe(201);

    await importCsv(CONTACTS.map((email) => `${email},Someone,KE,en`));
    const c = tables.contacts;
    await stack.db.update(c).set({ unsubscribedAt: start }).where(eq(c.emailNormalized, CONTACTS[0]!));
    await stack.db.update(c).set({ undeliverableAt: start }).where(eq(c.emailNormalized, CONTACTS[1]!));

    // Every confirmation is in the local outbox before time moves.
    const n = tables.notifications;
    await eventually(async () => {
      const kept = await stack.db
        .select({ id: tables.outboxMessages.id })
        .from(tables.outboxMessages)
        .innerJoin(n, eq(n.id, tables.outboxMessages.notificationId))
        .where(eq(n.kind, 'confirmation'));
      return kept.length === 3;
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('erases nothing before anything is due, and writes no audit entry', async () => {
    expect(await purge(at(29))).toEqual({ registrants: 0, reporters: 0, contacts: 0 });
    const audit = await stack.db.select().from(tables.auditLog).where(eq(tables.auditLog.action, PURGE_AUDIT_ACTION));
    expect(audit).toEqual([]);
  });

  it("erases a named reporter's contact details once the report has been in a frozen brief for the period", async () => {
    expect(await purge(at(31))).toEqual({ registrants: 0, reporters: 1, contacts: 0 });
    const rows = await stack.db
      .select()
      .from(tables.reports)
      .where(inArray(tables.reports.id, [ids.named, ids.namedOutside]));
    const named = rows.find((r) => r.id === ids.named)!;
    const outside = rows.find((r) => r.id === ids.namedOutside)!;
    // The sealed identity goes with its key id; the key stays (other reports are sealed to it).
    expect(named).toMatchObject({
      contactName: null,
      contactEmail: null,
      identityCiphertext: null,
      identityKeyId: null,
      organization: NAMED.organization,
    });
    expect(named.identityErasedAt).not.toBeNull();
    expect(named.barriers).toBe(outside.barriers);
    expect(named.countries).toEqual(['LY', 'NE']);
    const themes = await stack.db.select().from(tables.reportThemes).where(eq(tables.reportThemes.reportId, ids.named));
    expect(themes.map((t) => t.themeSlug)).toEqual([THEME]);
    // Not in a frozen brief: kept.
    expect(outside.identityCiphertext).not.toBeNull();
    expect(outside.identityKeyId).not.toBeNull();
  });

  it("blanks the registrants of a webinar that ended the period ago, keeping their counts, and nobody else's", async () => {
    const before = await registrationsOf(ids.ended);
    expect(await purge(new Date(endedAt.getTime() + 90 * DAY - 60_000))).toEqual({
      registrants: 0,
      reporters: 0,
      contacts: 0,
    });
    expect(await purge(new Date(endedAt.getTime() + 90 * DAY + 60_000))).toEqual({
      registrants: 2,
      reporters: 0,
      contacts: 0,
    });

    const erased = await registrationsOf(ids.ended);
    for (const row of erased) {
      const was = before.find((b) => b.id === row.id)!;
      expect(row).toMatchObject({ name: '', email: '', organization: '', contactId: null });
      expect(row.emailNormalized).not.toBe(was.emailNormalized);
      expect(row.manageToken).not.toBe(was.manageToken);
      expect(row.personalDataErasedAt).not.toBeNull();
      // What the counts need stays.
      expect(row).toMatchObject({ country: was.country, language: was.language, status: was.status });
    }
    expect(erased.map((r) => r.country).sort()).toEqual(['MX', 'SN']);
    // The old manage link no longer opens anything.
    const res = await stack.request(`/api/manage/${before[0]!.manageToken}`);
    expect(res.status).toBe(404);

    // Their mail copies are gone from the database and the disk; the later webinar's stay.
    const n = tables.notifications;
    const copies = await stack.db
      .select({ notificationId: tables.outboxMessages.notificationId, registrationId: n.registrationId })
      .from(tables.outboxMessages)
      .innerJoin(n, eq(n.id, tables.outboxMessages.notificationId));
    expect(copies.map((c) => c.registrationId)).toEqual([ids.later[0]]);
    const mails = await stack.db.select().from(n).where(inArray(n.registrationId, ids.ended));
    expect(mails.filter((m) => m.kind === 'reminder').map((m) => m.status)).toEqual(['cancelled', 'cancelled']);
    for (const mail of mails) {
      expect(existsSync(path.join(stack.target.dataDir, 'outbox', `${mail.id}.eml`))).toBe(false);
      expect(mail.status).not.toBe('pending');
    }
    expect(existsSync(path.join(stack.target.dataDir, 'outbox', `${copies[0]!.notificationId}.eml`))).toBe(true);

    const later = await registrationsOf(ids.later);
    expect(later[0]).toMatchObject({ name: 'Registrant JO', personalDataErasedAt: null });
  });

  it('shows erased registrants as erased, and mails them nothing on a coordinator action', async () => {
    const webinarId = (await registrationsOf(ids.ended))[0]!.webinarId;
    const res = await request(`/api/admin/webinars/${webinarId}/registrations`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { registrants: { id: string; erasedAt: string | null }[] };
    expect(list.registrants.map((r) => r.erasedAt !== null)).toEqual([true, true]);
    for (const action of ['resend-confirmation', 'cancel']) {
      const sent = await request(`/api/admin/webinars/${webinarId}/registrations/${ids.ended[0]}/${action}`, {
        method: 'POST',
      });
      expect({ action, status: sent.status }).toEqual({ action, status: 404 });
    }
  });

  it('erases unsubscribed and undeliverable contacts after the period, keeping only a keyed hash', async () => {
    expect(await purge(at(179))).toEqual({ registrants: 0, reporters: 0, contacts: 0 });
    expect(await purge(at(181))).toEqual({ registrants: 0, reporters: 0, contacts: 2 });
    expect(await contact(CONTACTS[0]!)).toBeUndefined();
    expect(await contact(CONTACTS[1]!)).toBeUndefined();
    expect(await contact(CONTACTS[2]!)).toMatchObject({ unsubscribedAt: null });
    const suppressed = await stack.db.select().from(tables.addressSuppressions);
    expect(suppressed.map((s) => s.reason).sort()).toEqual(['undeliverable', 'unsubscribed']);
    for (const s of suppressed) expect(s.addressHash).toMatch(/^[0-9a-f]{64}$/);

    const all = await dump();
    for (const gone of [CONTACTS[0]!, CONTACTS[1]!, NAMED.name, NAMED.email])
      expect(all).not.toContain(gone.toLowerCase());
  });

  it('keeps a purged contact unsubscribed when its address is imported again', async () => {
    const result = await importCsv([`${CONTACTS[0]!.toUpperCase()},Back Again,KE,en`, `${CONTACTS[1]!},Back,KE,en`]);
    expect(result.imported).toBe(2);
    expect((await contact(CONTACTS[0]!))?.unsubscribedAt).not.toBeNull();
    expect((await contact(CONTACTS[1]!))?.unsubscribedAt).not.toBeNull();
    // A fresh address is subscribed as usual.
    await importCsv(['brand.new@example.org,New,KE,en']);
    expect((await contact('brand.new@example.org'))?.unsubscribedAt).toBeNull();
  });

  it('keeps an unsubscribed contact a coordinator deleted unsubscribed on re-import', async () => {
    await importCsv(['asked.to.leave@example.org,Leaver,KE,en']);
    const c = tables.contacts;
    await stack.db
      .update(c)
      .set({ unsubscribedAt: new Date() })
      .where(eq(c.emailNormalized, 'asked.to.leave@example.org'));
    const id = (await contact('asked.to.leave@example.org'))!.id;
    expect((await request(`/api/admin/contacts/${id}`, { method: 'DELETE' })).status).toBe(204);
    await importCsv(['asked.to.leave@example.org,Leaver,KE,en']);
    expect((await contact('asked.to.leave@example.org'))?.unsubscribedAt).not.toBeNull();
  });

  it('records each purge once, with counts and periods only, by the retention policy', async () => {
    const audit = await stack.db.select().from(tables.auditLog).where(eq(tables.auditLog.action, PURGE_AUDIT_ACTION));
    expect(audit).toHaveLength(3);
    for (const entry of audit) {
      expect(entry).toMatchObject({ actorEmail: 'retention policy', actorId: null, targetId: null });
      expect(Object.keys(entry.details).sort()).toEqual(['contacts', 'policy', 'registrants', 'reporters']);
    }
    expect(audit.map((a) => a.details.registrants).sort()).toEqual([0, 0, 2]);
    // Another run finds what earlier runs erased already done, and records nothing (the contacts
    // re-imported above are only due 180 days after their re-import).
    expect(await purge(at(100))).toEqual({ registrants: 0, reporters: 0, contacts: 0 });
    const again = await stack.db.select().from(tables.auditLog).where(eq(tables.auditLog.action, PURGE_AUDIT_ACTION));
    expect(again).toHaveLength(3);
  });

  it('is scheduled in the worker, and its job runs the same purge', async () => {
    const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUES.schedules, { connection, prefix: stack.prefix });
    try {
      const scheduler = await queue.getJobScheduler(RETENTION_SCHEDULER_ID);
      expect(scheduler).toMatchObject({ name: 'purge-personal-data', every: 60 * 60_000 });
    } finally {
      await queue.close();
      connection.disconnect();
    }
    expect(await stack.running.workers!.purgeNow()).toEqual({ registrants: 0, reporters: 0, contacts: 0 });
  });
});
