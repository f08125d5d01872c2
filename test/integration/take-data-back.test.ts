import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TCompilation, TCompilationSummary, TReportSubmitted } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { and, eq, sql } from 'drizzle-orm';
import { createWebinarRow, registrationBody, reportBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const THEME = 'human-rights-inclusion';
const DAY = 24 * 3600_000;

/**
 * People take their data back: a registrant deletes their registration from the manage link, a
 * reporter withdraws a report by its receipt code, an admin erases a registrant or a contact at
 * their request. Each erases what it must and nothing else, and audits without content.
 */
describe.each(databaseKinds())('taking data back (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  const request = (p: string, init: RequestInit & { json?: unknown } = {}) =>
    stack.request(p, { ...init, headers: { ...admin.headers, ...(init.headers as object) } });

  async function register(slug: string, name: string) {
    const body = registrationBody({ name, organization: `${name} Org` });
    expect((await stack.request(`/api/webinars/${slug}/registrations`, { method: 'POST', json: body })).status).toBe(
      201,
    );
    const [row] = await stack.db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.emailNormalized, body.email));
    return row!;
  }
  async function submit(barriers: string, reporter?: { organization: string }) {
    const body = reportBody({
      barriers,
      themes: [{ slug: THEME, provenance: 'chosen' }],
      consent: reporter ? 'attributed' : 'anonymized',
      ...(reporter ? { reporter: { kind: 'named' as const, ...reporter } } : {}),
    });
    const res = await stack.request('/api/reports', { method: 'POST', json: body });
    expect(res.status).toBe(201);
    const { receipt } = (await res.json()) as TReportSubmitted;
    const [row] = await stack.db
      .select()
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
    return { id: row!.id, number: row!.number, code: receipt.receiptCode };
  }

  beforeAll(async () => {
    stack = await startTestStack({ kind, smtp: false, env: { REPORT_RATE_LIMIT: '10000' } });
    admin = await signIn(stack);
    await truncateActivity(stack.db);
    await stack.db.execute(sql`truncate table compilations, contacts, address_suppressions, audit_log cascade`);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  describe('POST /api/registrations/manage/:token/delete', () => {
    it('erases the registrant, cancels their pending reminders, frees their place, and leaves the others alone', async () => {
      const webinar = await createWebinarRow(stack.db, {
        startsAt: new Date(Date.now() + 10 * DAY),
        reminderOffsetsMinutes: [60, 24 * 60],
        capacity: 1,
      });
      const leaving = await register(webinar.slug, 'Leaving Person');
      const waiting = await register(webinar.slug, 'Waiting Person');
      expect(waiting.status).toBe('waitlisted');
      const path = `/api/registrations/manage/${leaving.manageToken}`;

      const unconfirmed = await stack.request(`${path}/delete`, { method: 'POST', json: {} });
      expect(unconfirmed.status).toBe(400);
      expect(
        (await stack.db.select().from(tables.registrations).where(eq(tables.registrations.id, leaving.id)))[0]!.name,
      ).toBe('Leaving Person');

      const res = await stack.request(`${path}/delete`, { method: 'POST', json: { confirm: true } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ deleted: true });

      const [erased] = await stack.db
        .select()
        .from(tables.registrations)
        .where(eq(tables.registrations.id, leaving.id));
      expect(erased).toMatchObject({ name: '', email: '', organization: '', status: 'cancelled', country: 'SN' });
      expect(erased!.personalDataErasedAt).not.toBeNull();
      const n = tables.notifications;
      const pending = await stack.db
        .select()
        .from(n)
        .where(and(eq(n.registrationId, leaving.id), eq(n.status, 'pending')));
      expect(pending).toEqual([]);

      // Nothing else erased; the freed place went to the waiting list.
      const [other] = await stack.db.select().from(tables.registrations).where(eq(tables.registrations.id, waiting.id));
      expect(other).toMatchObject({ name: 'Waiting Person', email: waiting.email, status: 'confirmed' });

      // The old link says "deleted" (410) everywhere, and a second delete changes nothing.
      const view = await stack.request(path);
      expect(view.status).toBe(410);
      expect(((await view.json()) as { error: { code: string } }).error.code).toBe('registration_deleted');
      expect((await stack.request(`${path}/calendar.ics`)).status).toBe(410);
      expect((await stack.request(`${path}/delete`, { method: 'POST', json: { confirm: true } })).status).toBe(410);

      const audit = await stack.db.select().from(tables.auditLog).where(eq(tables.auditLog.targetId, leaving.id));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'registration.delete', targetType: 'registration', actorId: null });
      expect(JSON.stringify(audit[0])).not.toMatch(/Leaving|@example\.org/);
    });
  });

  describe('POST /api/reports/receipt/:code/withdraw', () => {
    it('erases text and identity, keeps a tombstone and one audit entry without content; others untouched', async () => {
      const withdrawn = await submit('Withdrawn barrier text about checkpoints', {
        organization: 'Secret Collective',
      });
      const kept = await submit('Kept barrier text about detention');
      await stack.db.insert(tables.reportNotes).values({ reportId: withdrawn.id, text: 'Note quoting checkpoints' });
      await stack.db.insert(tables.reportTranslations).values({
        reportId: withdrawn.id,
        field: 'barriers',
        language: 'fr',
        sourceLanguage: 'en',
        status: 'done',
        text: 'Texte traduit des points de contrôle',
        origin: 'human',
      });
      await stack.db.update(tables.reports).set({ mergedInto: withdrawn.id }).where(eq(tables.reports.id, kept.id));

      expect(
        (await stack.request(`/api/reports/receipt/${withdrawn.code}/withdraw`, { method: 'POST', json: {} })).status,
      ).toBe(400);
      const res = await stack.request(`/api/reports/receipt/${withdrawn.code}/withdraw`, {
        method: 'POST',
        json: { confirm: true },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { receipt: { withdrawn: boolean } }).receipt.withdrawn).toBe(true);

      const [row] = await stack.db.select().from(tables.reports).where(eq(tables.reports.id, withdrawn.id));
      expect(row).toMatchObject({
        barriers: '',
        recommendations: '',
        source: '',
        organization: null,
        contactName: null,
        contactEmail: null,
        number: withdrawn.number,
        region: 'africa',
      });
      expect(row!.withdrawnAt).not.toBeNull();
      expect(
        await stack.db.select().from(tables.reportNotes).where(eq(tables.reportNotes.reportId, withdrawn.id)),
      ).toEqual([]);
      expect(
        await stack.db
          .select()
          .from(tables.reportTranslations)
          .where(eq(tables.reportTranslations.reportId, withdrawn.id)),
      ).toEqual([]);
      const [other] = await stack.db.select().from(tables.reports).where(eq(tables.reports.id, kept.id));
      expect(other).toMatchObject({ barriers: 'Kept barrier text about detention', mergedInto: null });
      expect(other!.withdrawnAt).toBeNull();

      // The check says "withdrawn"; again is idempotent; an unknown code is the check's 404.
      const check = await stack.request(`/api/reports/receipt/${withdrawn.code}`);
      expect(((await check.json()) as { receipt: { withdrawn: boolean } }).receipt.withdrawn).toBe(true);
      expect(
        (
          await stack.request(`/api/reports/receipt/${withdrawn.code}/withdraw`, {
            method: 'POST',
            json: { confirm: true },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await stack.request('/api/reports/receipt/AAAA-AAAA-AAAA/withdraw', {
            method: 'POST',
            json: { confirm: true },
          })
        ).status,
      ).toBe(404);
      const audit = await stack.db.select().from(tables.auditLog).where(eq(tables.auditLog.targetId, withdrawn.id));
      expect(audit.map((a) => [a.action, a.details])).toEqual([['report.withdraw', { number: withdrawn.number }]]);
    });

    it('leaves a frozen snapshot as sent, says so in the list, and a new snapshot says "withdrawn"', async () => {
      const report = await submit('Frozen barrier text about visas');
      expect(
        (await request(`/api/admin/reports/${report.id}`, { method: 'PATCH', json: { status: 'included' } })).status,
      ).toBe(200);
      const first = await request('/api/admin/compilations', { method: 'POST', json: { themeSlug: THEME } });
      expect(first.status).toBe(201);
      await stack.request(`/api/reports/receipt/${report.code}/withdraw`, { method: 'POST', json: { confirm: true } });

      const [frozen] = await stack.db.select().from(tables.compilations).where(eq(tables.compilations.number, 1));
      expect(JSON.stringify(frozen!.content)).toContain('Frozen barrier text about visas');
      const list = (await (await request(`/api/admin/compilations?theme=${THEME}`)).json()) as {
        compilations: TCompilationSummary[];
      };
      const code = `R-${String(report.number).padStart(4, '0')}`;
      expect(list.compilations.find((c) => c.number === 1)!.withdrawnSince).toEqual([code]);

      const second = await request('/api/admin/compilations', { method: 'POST', json: { themeSlug: THEME } });
      const { compilation } = (await second.json()) as { compilation: TCompilation };
      const compiled = compilation.regions.flatMap((r) => r.countries.flatMap((c) => c.reports));
      expect(compiled.find((r) => r.code === code)).toMatchObject({ withdrawn: true, barriers: '', attribution: null });
      const id = (await (await request(`/api/admin/compilations?theme=${THEME}`)).json()) as {
        compilations: TCompilationSummary[];
      };
      const latest = id.compilations.find((c) => c.number === 2)!;
      expect(latest.withdrawnSince).toEqual([]);
      const md = await (await request(`/api/admin/compilations/${latest.id}/export.md?lang=fr`)).text();
      expect(md).toContain(code);
      expect(md).toContain('Retiré par son auteur');
      expect(md).not.toContain('Frozen barrier text');
    });
  });

  describe('erasure on request by an admin', () => {
    it('erases a registrant (audited, by id) and nobody else', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: new Date(Date.now() + 10 * DAY) });
      const gone = await register(webinar.slug, 'Erased Registrant');
      const stays = await register(webinar.slug, 'Staying Registrant');
      const base = `/api/admin/webinars/${webinar.id}/registrations/${gone.id}/erase`;
      expect((await request(base, { method: 'POST', json: {} })).status).toBe(400);
      const res = await request(base, { method: 'POST', json: { confirm: true } });
      expect(res.status).toBe(200);
      expect(
        ((await res.json()) as { registrant: { name: string; erasedAt: string | null } }).registrant,
      ).toMatchObject({
        name: '',
      });
      const [other] = await stack.db.select().from(tables.registrations).where(eq(tables.registrations.id, stays.id));
      expect(other!.name).toBe('Staying Registrant');
      const audit = await stack.db.select().from(tables.auditLog).where(eq(tables.auditLog.targetId, gone.id));
      expect(audit.map((a) => a.action)).toEqual(['registration.erase_on_request']);
      expect((await stack.request(`/api/registrations/manage/${gone.manageToken}`)).status).toBe(410);
    });

    it('erases a contact; its address stays suppressed, so a re-import comes back unsubscribed', async () => {
      const csv =
        'email,name,country,language\nerase.me@example.org,Erase Me,KE,en\nkeep.me@example.org,Keep Me,KE,en\n';
      const imported = await request('/api/admin/contacts/import', {
        method: 'POST',
        headers: { 'content-type': 'text/csv; charset=utf-8' },
        body: csv,
      });
      expect(imported.status).toBe(200);
      const c = tables.contacts;
      const [target] = await stack.db.select().from(c).where(eq(c.emailNormalized, 'erase.me@example.org'));
      expect((await request(`/api/admin/contacts/${target!.id}/erase`, { method: 'POST', json: {} })).status).toBe(400);
      expect(
        (await request(`/api/admin/contacts/${target!.id}/erase`, { method: 'POST', json: { confirm: true } })).status,
      ).toBe(204);
      expect(await stack.db.select().from(c).where(eq(c.id, target!.id))).toEqual([]);
      expect(await stack.db.select().from(c).where(eq(c.emailNormalized, 'keep.me@example.org'))).toHaveLength(1);
      const audit = await stack.db.select().from(tables.auditLog).where(eq(tables.auditLog.targetId, target!.id));
      expect(audit.map((a) => a.action)).toEqual(['contact.erase_on_request']);

      await request('/api/admin/contacts/import', {
        method: 'POST',
        headers: { 'content-type': 'text/csv; charset=utf-8' },
        body: csv,
      });
      const [back] = await stack.db.select().from(c).where(eq(c.emailNormalized, 'erase.me@example.org'));
      expect(back!.unsubscribedAt).not.toBeNull();
    });
  });
});
