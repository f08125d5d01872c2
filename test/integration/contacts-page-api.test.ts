import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { TApiError, TContactList } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import { createWebinarRow, eventually } from '../factories.js';
import { campaignWhenDone, sendCampaign } from '../support/campaign-helpers.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const BOM = '\uFEFF';
const PASSWORD = 'a long enough password 42';

/*
 * Five contacts in three regions: one unsubscribed, one bounced. "=cmd" in Eve's organization
 * is what a spreadsheet would run as a formula.
 */
const CONTACTS_CSV = [
  'email,name,organization,country,language,timeZone,tags',
  'amina@example.org,Amina Diallo,Réseau Migrants Sénégal,SN,fr,Africa/Dakar,west-africa|youth',
  'bintou@example.org,Bintou Keita,Réseau Migrants Sénégal,SN,en,,west-africa',
  'lucia@example.org,Lucía Pérez,Red Migrante,CO,es,America/Bogota,latam',
  'eve@example.org,Eve Martin,"=cmd|\' /C calc\'!A0",FR,fr,Europe/Paris,',
  'gone@example.org,"Gone, Away",Red Migrante,CO,en,,latam',
].join('\n');

describe.each(databaseKinds())('Contacts page API (%s)', (kind) => {
  let stack: TestStack;
  let session: CoordinatorSession;
  let adminId: string;

  beforeAll(async () => {
    // The local outbox (no SMTP server) keeps copies of the mails: deleting a contact must erase them.
    stack = await startTestStack({ kind, smtp: false });
    session = await signIn(stack);
    const [admin] = await stack.db.select({ id: tables.coordinatorAccounts.id }).from(tables.coordinatorAccounts);
    adminId = admin!.id;
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    await stack.db.execute(sql`truncate table contacts, campaigns, audit_log cascade`);
    const res = await stack.request('/api/admin/contacts/import', {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'text/csv' },
      body: CONTACTS_CSV,
    });
    expect(res.status).toBe(200);
    const now = new Date();
    await stack.db
      .update(tables.contacts)
      .set({ unsubscribedAt: now })
      .where(eq(tables.contacts.emailNormalized, 'gone@example.org'));
    await stack.db
      .update(tables.contacts)
      .set({ undeliverableAt: now })
      .where(eq(tables.contacts.emailNormalized, 'bintou@example.org'));
  });

  async function emails(query: string, as = session): Promise<string[]> {
    const res = await stack.request(`/api/admin/contacts${query}`, { headers: { cookie: as.cookie } });
    expect([query, res.status]).toEqual([query, 200]);
    return ((await res.json()) as TContactList).contacts.map((c) => c.email);
  }

  async function contactId(email: string): Promise<string> {
    const [row] = await stack.db
      .select({ id: tables.contacts.id })
      .from(tables.contacts)
      .where(eq(tables.contacts.emailNormalized, email));
    return row!.id;
  }

  async function auditOf(action: string) {
    return stack.db.select().from(tables.auditLog).where(eq(tables.auditLog.action, action));
  }

  /** An account scoped to `regions`, through the invitation flow, signed in. */
  async function scopedSession(regions: string[]): Promise<CoordinatorSession> {
    const email = `scoped.${randomBytes(4).toString('hex')}@convene.test`;
    const invited = await stack.request('/api/admin/accounts/invitations', {
      method: 'POST',
      headers: session.headers,
      json: { email, role: 'coordinator', regionScope: regions },
    });
    expect(invited.status).toBe(201);
    const { inviteUrl } = (await invited.json()) as { inviteUrl: string };
    const token = new URL(inviteUrl).pathname.split('/').pop()!;
    const accepted = await stack.request('/api/auth/invitation', {
      method: 'POST',
      json: { token, password: PASSWORD },
    });
    expect(accepted.status).toBe(204);
    return signIn(stack, email, PASSWORD);
  }

  describe('GET /api/admin/contacts', () => {
    it('filters by region and by status: subscribed, unsubscribed, undeliverable', async () => {
      expect(await emails('?region=africa')).toEqual(['amina@example.org', 'bintou@example.org']);
      expect(await emails('?region=americas')).toEqual(['gone@example.org', 'lucia@example.org']);
      expect(await emails('?status=subscribed')).toEqual(['amina@example.org', 'eve@example.org', 'lucia@example.org']);
      expect(await emails('?status=unsubscribed')).toEqual(['gone@example.org']);
      expect(await emails('?status=undeliverable')).toEqual(['bintou@example.org']);
      expect(await emails('?region=americas&status=subscribed&language=es')).toEqual(['lucia@example.org']);
    });

    it('answers 400 with field errors for an unknown region or status', async () => {
      const res = await stack.request('/api/admin/contacts?region=atlantis&status=maybe', {
        headers: { cookie: session.cookie },
      });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as TApiError;
      expect(error.fields).toMatchObject({
        region: { code: 'invalid_choice' },
        status: { code: 'invalid_choice' },
      });
    });
  });

  describe('POST /api/admin/contacts/import', () => {
    it('audits the import with counts only, never an address or a name', async () => {
      const [entry] = await auditOf('contact.import');
      expect(entry).toMatchObject({
        actorId: adminId,
        targetType: 'contact',
        details: { imported: 5, updated: 0, unchanged: 0, rejected: 0, duplicates: 0 },
      });
      expect(JSON.stringify(entry)).not.toMatch(/example\.org|Amina|Diallo/);
    });
  });

  describe('GET /api/admin/contacts/export.csv', () => {
    it('exports the matching contacts as RFC 4180 CSV with a BOM, formulas neutralized, audited without addresses', async () => {
      const res = await stack.request('/api/admin/contacts/export.csv?region=americas', {
        headers: { cookie: session.cookie },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="contacts\.csv"/);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      expect(text.startsWith(BOM)).toBe(true);
      const lines = text.slice(1).split('\r\n');
      expect(lines[0]).toBe('email,name,organization,country,language,timeZone,tags,status,createdAt');
      expect(lines[1]).toMatch(/^gone@example\.org,"Gone, Away",Red Migrante,CO,en,,latam,unsubscribed,20\d\d-/);
      expect(lines[2]).toMatch(/^lucia@example\.org,Lucía Pérez,Red Migrante,CO,es,America\/Bogota,latam,subscribed,/);
      expect(lines.slice(3)).toEqual(['']);

      const all = await stack.request('/api/admin/contacts/export.csv?q=eve', { headers: { cookie: session.cookie } });
      const eve = (await all.text()).split('\r\n')[1];
      // The leading quote makes the cell text: a spreadsheet shows it and runs nothing.
      expect(eve).toContain(`,'=cmd|' /C calc'!A0,`);

      const entries = await auditOf('contact.export');
      expect(entries.map((e) => e.details)).toEqual([
        { rows: 2, filters: ['region'] },
        { rows: 1, filters: ['q'] },
      ]);
      expect(JSON.stringify(entries)).not.toContain('eve');
    });

    it('exports only the regions of a scoped coordinator', async () => {
      const regional = await scopedSession(['africa']);
      const res = await stack.request('/api/admin/contacts/export.csv', { headers: { cookie: regional.cookie } });
      expect(res.status).toBe(200);
      const rows = (await res.text()).split('\r\n').slice(1, -1);
      expect(rows.map((r) => r.split(',')[0])).toEqual(['amina@example.org', 'bintou@example.org']);
    });

    it('answers 400 for a bad filter', async () => {
      const res = await stack.request('/api/admin/contacts/export.csv?status=maybe', {
        headers: { cookie: session.cookie },
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as TApiError).error.fields).toMatchObject({
        status: { code: 'invalid_choice' },
      });
    });
  });

  describe('DELETE /api/admin/contacts/:id', () => {
    it('deletes the contact with its invitations, the kept copies of its mails and their files; audited by id', async () => {
      const webinar = await createWebinarRow(stack.db);
      const campaign = await sendCampaign(stack, session, webinar.id, { countries: ['SN'] });
      await campaignWhenDone(stack, session, campaign.id);
      const amina = await contactId('amina@example.org');
      const mails = await stack.db
        .select({ id: tables.notifications.id })
        .from(tables.notifications)
        .where(eq(tables.notifications.contactId, amina));
      expect(mails).toHaveLength(1);
      const eml = path.join(stack.target.dataDir, 'outbox', `${mails[0]!.id}.eml`);
      await eventually(async () => existsSync(eml));
      const [kept] = await stack.db
        .select()
        .from(tables.outboxMessages)
        .where(eq(tables.outboxMessages.notificationId, mails[0]!.id));
      expect(kept?.recipient).toBe('amina@example.org');

      const res = await stack.request(`/api/admin/contacts/${amina}`, { method: 'DELETE', headers: session.headers });
      expect(res.status).toBe(204);

      expect(await emails('?q=amina')).toEqual([]);
      const outbox = await stack.db.select().from(tables.outboxMessages);
      expect(outbox.map((m) => m.recipient)).not.toContain('amina@example.org');
      const notifications = await stack.db
        .select()
        .from(tables.notifications)
        .where(eq(tables.notifications.contactId, amina));
      expect(notifications).toEqual([]);
      expect(existsSync(eml)).toBe(false);
      const files = await readdir(path.join(stack.target.dataDir, 'outbox'));
      expect(files).not.toContain(`${mails[0]!.id}.eml`);

      const [entry] = await auditOf('contact.delete');
      expect(entry).toMatchObject({ targetType: 'contact', targetId: amina, details: { mails: 1 } });
      expect(JSON.stringify(entry)).not.toMatch(/amina@|Diallo/);

      // Gone means gone: a second delete finds nothing.
      const again = await stack.request(`/api/admin/contacts/${amina}`, { method: 'DELETE', headers: session.headers });
      expect(again.status).toBe(404);
    });

    it('refuses a contact outside a scoped coordinator’s regions (403), a bad id (404) and a missing CSRF token (403)', async () => {
      const regional = await scopedSession(['africa']);
      const lucia = await contactId('lucia@example.org');
      const outside = await stack.request(`/api/admin/contacts/${lucia}`, {
        method: 'DELETE',
        headers: regional.headers,
      });
      expect(outside.status).toBe(403);
      const noCsrf = await stack.request(`/api/admin/contacts/${lucia}`, {
        method: 'DELETE',
        headers: { cookie: session.cookie },
      });
      expect(noCsrf.status).toBe(403);
      const bad = await stack.request('/api/admin/contacts/not-a-uuid', { method: 'DELETE', headers: session.headers });
      expect(bad.status).toBe(404);
      expect(await emails('?q=lucia')).toEqual(['lucia@example.org']);
      expect(await auditOf('contact.delete')).toEqual([]);

      const amina = await contactId('amina@example.org');
      const inside = await stack.request(`/api/admin/contacts/${amina}`, {
        method: 'DELETE',
        headers: regional.headers,
      });
      expect(inside.status).toBe(204);
    });
  });

  it('describes the export and delete routes in the OpenAPI document', async () => {
    const res = await stack.request('/api/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/admin/contacts/export.csv'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/admin/contacts/{id}'] ?? {}).sort()).toEqual(['delete', 'patch']);
  });
});
