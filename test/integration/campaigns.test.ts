import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TApiError, TCampaign, TCampaignPreview, TCampaignSegment } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, inArray, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createWebinarRow, truncateActivity } from '../factories.js';
import { campaignWhenDone, deliveriesByAddress, insertContacts, sendCampaign } from '../support/campaign-helpers.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { recipientOf, settle } from '../support/mail-helpers.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const START = new Date('2030-03-15T15:00:00Z');

/*
 * Nine contacts: seven mailable in four languages and five countries, one unsubscribed and
 * one undeliverable. Who has a zone of their own and who only a country matters for the
 * time line of the invitation.
 */
const CONTACTS_CSV = [
  'email;name;organization;country;language;time zone;tags',
  'amina@example.org;Amina Diallo;Réseau Migrants Sénégal;SN;fr;Africa/Dakar;west-africa|youth',
  'bintou@example.org;Bintou Keita;Réseau Migrants Sénégal;SN;en;;west-africa',
  'lucia@example.org;Lucía Pérez;Red Migrante;CO;es;America/Bogota;latam',
  'joao@example.org;João Silva;Rede Migrante;BR;es;;latam|youth',
  'maria@example.org;Maria Souza;Rede Migrante;BR;en;;latam',
  'dina@example.org;Dina Haddad;Arab Network;JO;ar;;youth',
  'eve@example.org;Eve Martin;Solidarity;FR;fr;Europe/Paris;',
  'gone@example.org;Gone Away;Réseau Migrants Sénégal;SN;en;;west-africa|youth',
  'bounced@example.org;Bounced;Réseau Migrants Sénégal;SN;fr;;west-africa',
].join('\n');
const MAILABLE = [
  'amina@example.org',
  'bintou@example.org',
  'lucia@example.org',
  'joao@example.org',
  'maria@example.org',
  'dina@example.org',
  'eve@example.org',
];

function unfoldedHeaders(raw: string): string {
  const end = raw.search(/\r?\n\r?\n/);
  return raw.slice(0, end).replace(/\r?\n[ \t]+/g, ' ');
}

function registerLinkOf(mail: ParsedMail): URL {
  const match = /http:\/\/convene\.test\/webinars\/[^\s\u2066-\u2069]+/.exec(mail.text ?? '');
  if (!match) throw new Error('no registration link');
  return new URL(match[0]);
}

describe.each(databaseKinds())('invitation campaigns (%s)', (kind) => {
  let stack: TestStack;
  let session: CoordinatorSession;

  beforeAll(async () => {
    stack = await startTestStack({ kind });
    session = await signIn(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    // truncateActivity keeps contacts; campaigns go with their webinars.
    await stack.db.execute(sql`truncate table contacts cascade`);
    await truncateActivity(stack.db);
    stack.sink!.messages.splice(0);
    stack.sink!.raw.splice(0);
    const res = await stack.request('/api/admin/contacts/import', {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'text/csv; charset=utf-8' },
      body: CONTACTS_CSV,
    });
    expect(res.status).toBe(200);
    await stack.db
      .update(tables.contacts)
      .set({ unsubscribedAt: new Date() })
      .where(eq(tables.contacts.emailNormalized, 'gone@example.org'));
    await stack.db
      .update(tables.contacts)
      .set({ undeliverableAt: new Date() })
      .where(eq(tables.contacts.emailNormalized, 'bounced@example.org'));
  });

  const preview = (webinarId: string, segment: unknown = {}) =>
    stack.request('/api/admin/campaigns/preview', {
      method: 'POST',
      headers: session.headers,
      json: { webinarId, segment },
    });

  async function previewOk(webinarId: string, segment: TCampaignSegment = {}): Promise<TCampaignPreview> {
    const res = await preview(webinarId, segment);
    expect(res.status).toBe(200);
    return (await res.json()) as TCampaignPreview;
  }

  async function invitationRows(webinarId: string) {
    return stack.db
      .select({ email: tables.contacts.emailNormalized, status: tables.notifications.status })
      .from(tables.notifications)
      .innerJoin(tables.contacts, eq(tables.contacts.id, tables.notifications.contactId))
      .where(eq(tables.notifications.webinarId, webinarId));
  }

  async function contactByEmail(email: string) {
    const [row] = await stack.db.select().from(tables.contacts).where(eq(tables.contacts.emailNormalized, email));
    if (!row) throw new Error(`no contact ${email}`);
    return row;
  }

  describe('POST /api/admin/campaigns/preview', () => {
    it('reports the audience, who is excluded, and one rendered invitation per language, sending nothing', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      const result = await previewOk(webinar.id);
      expect(result.audience).toBe(7);
      expect(result.excluded).toEqual({ unsubscribed: 1, undeliverable: 1, alreadyInvited: 0 });
      expect(result.languages.map((l) => [l.language, l.count, l.subject])).toEqual([
        ['en', 2, 'Invitation: Regular pathways and decent work'],
        ['fr', 2, 'Invitation\u00a0: Voies régulières et travail décent'],
        ['es', 2, 'Invitación: Vías regulares y trabajo decente'],
        ['ar', 1, 'دعوة: المسارات النظامية والعمل اللائق'],
      ]);
      const byLanguage = Object.fromEntries(result.languages.map((l) => [l.language, l]));
      expect(byLanguage.fr?.text).toContain(
        'La coalition vous invite au webinaire «\u00a0Voies régulières et travail décent\u00a0».',
      );
      expect(byLanguage.es?.text).toContain('Para no recibir más invitaciones:\nhttp://convene.test/unsubscribe/');
      expect(byLanguage.ar?.html).toContain('<html lang="ar" dir="rtl">');
      expect(byLanguage.en?.html).toContain('<html lang="en" dir="ltr">');

      expect(await invitationRows(webinar.id)).toEqual([]);
      expect(await stack.db.select().from(tables.campaigns)).toEqual([]);
    });

    it('narrows the audience by region, country, language, tag and organization', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      const cases: [TCampaignSegment, number][] = [
        [{}, 7],
        [{ regions: ['africa'] }, 2],
        [{ regions: ['americas'] }, 3],
        [{ regions: ['asia'] }, 1],
        [{ regions: ['oceania'] }, 0],
        [{ countries: ['br'] }, 2],
        // Regions and countries together are one geography: their union.
        [{ regions: ['europe'], countries: ['JO'] }, 2],
        [{ languages: ['fr'] }, 2],
        [{ languages: ['ar', 'es'] }, 3],
        // A contact with any of the tags.
        [{ tags: ['youth'] }, 3],
        [{ tags: ['west-africa', 'latam'] }, 5],
        // Organizations match whatever the case.
        [{ organizations: ['rede migrante'] }, 2],
        [{ organizations: ['RED MIGRANTE', 'solidarity'] }, 2],
        // Every other list narrows further.
        [{ regions: ['americas'], languages: ['en'] }, 1],
        [{ regions: ['africa'], tags: ['youth'], organizations: ['réseau migrants sénégal'] }, 1],
        [{ countries: ['SN'], languages: ['ar'] }, 0],
        // Empty lists mean "any".
        [{ regions: [], countries: [], languages: [], tags: [], organizations: [] }, 7],
      ];
      for (const [segment, audience] of cases) {
        const result = await previewOk(webinar.id, segment);
        expect([segment, result.audience]).toEqual([segment, audience]);
      }
      const africa = await previewOk(webinar.id, { regions: ['africa'] });
      expect(africa.excluded).toEqual({ unsubscribed: 1, undeliverable: 1, alreadyInvited: 0 });
      expect(africa.languages.map((l) => [l.language, l.count])).toEqual([
        ['en', 1],
        ['fr', 1],
      ]);
      expect((await previewOk(webinar.id, { regions: ['asia'] })).excluded).toEqual({
        unsubscribed: 0,
        undeliverable: 0,
        alreadyInvited: 0,
      });
      expect((await previewOk(webinar.id, { regions: ['oceania'] })).languages).toEqual([]);

      // The campaign reaches exactly the contacts the preview counted.
      const campaign = await sendCampaign(stack, session, webinar.id, {
        regions: ['americas'],
        tags: ['youth', 'west-africa'],
      });
      expect(campaign.plannedCount).toBe(1);
      await campaignWhenDone(stack, session, campaign.id);
      expect((await invitationRows(webinar.id)).map((r) => r.email)).toEqual(['joao@example.org']);
    });
  });

  describe('POST /api/admin/campaigns', () => {
    it('writes one invitation per mailable contact, and none again to contacts already invited to the webinar', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      const first = await sendCampaign(stack, session, webinar.id, { regions: ['africa'] });
      // Africa: amina and bintou; gone (unsubscribed) and bounced (undeliverable) skipped.
      expect(first).toMatchObject({ webinarId: webinar.id, plannedCount: 2, skippedCount: 2 });
      await campaignWhenDone(stack, session, first.id);

      const same = await sendCampaign(stack, session, webinar.id, { regions: ['africa'] });
      expect(same).toMatchObject({ plannedCount: 0, skippedCount: 4 });
      // The second campaign counts the segment it was sent to: all four skipped, and why.
      expect(same.progress).toMatchObject({
        total: 4,
        queued: 0,
        sent: 0,
        skipped: 4,
        skippedReasons: { unsubscribed: 1, undeliverable: 1, alreadyInvited: 2, withdrawn: 0 },
        done: true,
      });

      // French speakers: amina (already invited), eve (new) and bounced (undeliverable).
      const overlapping = await sendCampaign(stack, session, webinar.id, { languages: ['fr'] });
      expect(overlapping).toMatchObject({ plannedCount: 1, skippedCount: 2 });
      await campaignWhenDone(stack, session, overlapping.id);

      const everyone = await sendCampaign(stack, session, webinar.id);
      expect(everyone).toMatchObject({ plannedCount: 4, skippedCount: 5 });
      await campaignWhenDone(stack, session, everyone.id);
      await settle(stack.sink!.messages);

      const rows = await invitationRows(webinar.id);
      expect(rows.map((r) => r.email).sort()).toEqual([...MAILABLE].sort());
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      expect(Object.fromEntries(deliveriesByAddress(stack.sink!.messages))).toEqual(
        Object.fromEntries(MAILABLE.map((email) => [email, 1])),
      );

      // Another webinar is another invitation.
      const other = await createWebinarRow(stack.db, { startsAt: START });
      const next = await sendCampaign(stack, session, other.id, { countries: ['SN'] });
      expect(next.plannedCount).toBe(2);
      await campaignWhenDone(stack, session, next.id);
      await settle(stack.sink!.messages);
      expect(deliveriesByAddress(stack.sink!.messages).get('amina@example.org')).toBe(2);
      expect(stack.sink!.messages).toHaveLength(MAILABLE.length + 2);
    });

    it('invites each contact once when two overlapping campaigns are sent at the same moment', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      const [a, b] = await Promise.all([
        sendCampaign(stack, session, webinar.id),
        sendCampaign(stack, session, webinar.id, { regions: ['africa', 'americas'] }),
      ]);
      // Whichever commits first takes the contacts they share; the other plans only the rest.
      expect(a.plannedCount + b.plannedCount).toBe(MAILABLE.length);
      await campaignWhenDone(stack, session, a.id);
      await campaignWhenDone(stack, session, b.id);
      await settle(stack.sink!.messages);
      expect(Object.fromEntries(deliveriesByAddress(stack.sink!.messages))).toEqual(
        Object.fromEntries(MAILABLE.map((email) => [email, 1])),
      );
    });

    it('never invites unsubscribed or undeliverable contacts', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      const campaign = await sendCampaign(stack, session, webinar.id, { countries: ['SN'] });
      expect(campaign).toMatchObject({ plannedCount: 2, skippedCount: 2 });
      await campaignWhenDone(stack, session, campaign.id);
      await settle(stack.sink!.messages);
      const recipients = stack.sink!.messages.map(recipientOf).sort();
      expect(recipients).toEqual(['amina@example.org', 'bintou@example.org']);
      const gone = await contactByEmail('gone@example.org');
      const bounced = await contactByEmail('bounced@example.org');
      const theirs = await stack.db
        .select()
        .from(tables.notifications)
        .where(inArray(tables.notifications.contactId, [gone.id, bounced.id]));
      expect(theirs).toEqual([]);
    });

    it('delivers the invitation over SMTP in the contact language, in their zone or their country main zone, with unsubscribe headers and a working link', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START, hostTimeZone: 'America/Mexico_City' });
      const campaign = await sendCampaign(stack, session, webinar.id, { languages: ['es', 'en', 'ar', 'fr'] });
      expect(campaign.plannedCount).toBe(7);
      await stack.sink!.waitFor(7);
      const byAddress = new Map<string, { mail: ParsedMail; raw: string }>();
      for (const mail of stack.sink!.messages) {
        // Parsing is asynchronous: find the raw text by Message-ID, not by position.
        const raw = stack.sink!.raw.find((r) => r.includes(`Message-ID: ${mail.messageId}`));
        byAddress.set(recipientOf(mail), { mail, raw: raw ?? '' });
      }

      // Own zone known: the time there (15:00 UTC is 10:00 in Bogotá).
      const lucia = byAddress.get('lucia@example.org')!;
      expect(lucia.mail.subject).toBe('Invitación: Vías regulares y trabajo decente');
      expect(lucia.mail.headers.get('content-language')).toBe('es');
      expect(lucia.mail.text).toMatch(/Cuándo \(su hora\): viernes, 15 de marzo de 2030, 10:00 .*\(America\/Bogota\)/);
      expect(lucia.mail.text).toMatch(
        /Hora de la organización: viernes, 15 de marzo de 2030, 09:00 .*\(America\/Mexico_City\)/,
      );

      // Only a country: its main zone, named as the zone of that country, in the contact's language.
      const joao = byAddress.get('joao@example.org')!;
      expect(joao.mail.subject).toBe('Invitación: Vías regulares y trabajo decente');
      expect(joao.mail.text).toMatch(
        /15 de marzo de 2030, 12:00 .*\(America\/Sao_Paulo, zona horaria principal de Brasil\)/,
      );
      // …and never passed off as the reader's own zone.
      expect(joao.mail.text).not.toContain('(su hora)');
      const maria = byAddress.get('maria@example.org')!;
      expect(maria.mail.subject).toBe('Invitation: Regular pathways and decent work');
      expect(maria.mail.text).toMatch(/March 15, 2030 at 12:00 PM .*\(America\/Sao_Paulo, main time zone of Brazil\)/);
      const dina = byAddress.get('dina@example.org')!;
      expect(dina.mail.subject).toBe('دعوة: المسارات النظامية والعمل اللائق');
      expect(dina.mail.text).toContain('(Asia/Amman, المنطقة الزمنية الرئيسية في الأردن)');
      expect(dina.mail.html).toContain('dir="rtl"');
      const eve = byAddress.get('eve@example.org')!;
      expect(eve.mail.subject).toBe('Invitation\u00a0: Voies régulières et travail décent');
      expect(eve.mail.text).toMatch(/Quand \(votre heure\)\u00a0: vendredi 15 mars 2030 à 16:00 .*\(Europe\/Paris\)/);

      for (const [address, { mail, raw }] of byAddress) {
        const contact = await contactByEmail(address);
        // multipart/alternative: the plain text first, then HTML.
        expect(mail.text).toBeTruthy();
        expect(mail.html).toBeTruthy();
        const textAt = raw.search(/Content-Type: text\/plain/i);
        const htmlAt = raw.search(/Content-Type: text\/html/i);
        expect([address, textAt >= 0 && htmlAt > textAt]).toEqual([address, true]);
        expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
        expect(mail.attachments).toEqual([]);

        const headers = unfoldedHeaders(raw);
        expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
        const unsubscribe = /^List-Unsubscribe: <([^>]+)>$/m.exec(headers)?.[1];
        expect(unsubscribe).toBe(`http://convene.test/unsubscribe/${contact.unsubscribeToken}`);
        expect(mail.html).toContain(`href="http://convene.test/unsubscribe/${contact.unsubscribeToken}"`);

        const link = registerLinkOf(mail);
        expect(link.pathname).toBe(`/webinars/${webinar.slug}`);
        expect(link.searchParams.get('lang')).toBe(contact.language);
        const invite = link.searchParams.get('invite')!;
        const res = await stack.request(`/api/invitations/${encodeURIComponent(invite)}`);
        expect([address, res.status]).toEqual([address, 200]);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(await res.json()).toEqual({
          prefill: {
            name: contact.name,
            email: contact.email,
            organization: contact.organization,
            country: contact.country,
            language: contact.language,
            timeZone: contact.timeZone,
          },
        });
      }
      expect((await invitationRows(webinar.id)).length).toBe(7);
      await campaignWhenDone(stack, session, campaign.id);
    });

    it('shows the host time once when neither the contact zone nor their country is known', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START, hostTimeZone: 'America/Mexico_City' });
      await insertContacts(stack.db, 1, 'nowhere', () => ({ country: null, timeZone: null, organization: 'Nowhere' }));
      const campaign = await sendCampaign(stack, session, webinar.id, { organizations: ['nowhere'] });
      expect(campaign.plannedCount).toBe(1);
      const [mail] = await stack.sink!.waitFor(1);
      const text = mail!.text ?? '';
      expect(text).toMatch(/Host time: Friday, March 15, 2030 at 09:00 AM .*\(America\/Mexico_City\)/);
      expect(text.match(/Host time:/g)).toHaveLength(1);
      await campaignWhenDone(stack, session, campaign.id);
    });

    it('reports progress until sent equals planned and done is true', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      const campaign = await sendCampaign(stack, session, webinar.id);
      expect(campaign).toMatchObject({
        webinarId: webinar.id,
        segment: {},
        plannedCount: 7,
        skippedCount: 2,
        progress: { campaignId: campaign.id, total: 9, skipped: 2 },
      });
      const done = await campaignWhenDone(stack, session, campaign.id);
      expect(done.progress).toEqual({
        campaignId: campaign.id,
        total: 9,
        queued: 0,
        sent: 7,
        failed: 0,
        skipped: 2,
        skippedReasons: { unsubscribed: 1, undeliverable: 1, alreadyInvited: 0, withdrawn: 0 },
        done: true,
      });
      expect(done.progress.sent).toBe(done.plannedCount);

      const list = await stack.request('/api/admin/campaigns', { headers: { cookie: session.cookie } });
      expect(list.status).toBe(200);
      const { campaigns } = (await list.json()) as { campaigns: TCampaign[] };
      expect(campaigns.map((c) => [c.id, c.progress.sent])).toEqual([[campaign.id, 7]]);

      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const res = await stack.request(`/api/admin/campaigns/${id}`, { headers: { cookie: session.cookie } });
        expect([id, res.status]).toEqual([id, 404]);
      }
    });
  });

  describe('GET /api/invitations/:token', () => {
    it('answers 404 for a tampered, foreign or malformed token', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      const other = await createWebinarRow(stack.db, { startsAt: START });
      const campaign = await sendCampaign(stack, session, webinar.id, { countries: ['FR'] });
      await stack.sink!.waitFor(1);
      await campaignWhenDone(stack, session, campaign.id);
      const invite = registerLinkOf(stack.sink!.messages[0]!).searchParams.get('invite')!;
      const [contactId, webinarId, signature] = invite.split('.') as [string, string, string];
      const amina = await contactByEmail('amina@example.org');
      const flip = (s: string) => `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`;

      expect((await stack.request(`/api/invitations/${encodeURIComponent(invite)}`)).status).toBe(200);
      const tampered = [
        `${contactId}.${webinarId}.${flip(signature)}`,
        `${contactId}.${other.id}.${signature}`,
        `${amina.id}.${webinarId}.${signature}`,
        `${contactId}.${webinarId}`,
        `${invite}.extra`,
        `${contactId.toUpperCase()}.${webinarId}.${signature}`,
        'not-a-token',
      ];
      for (const token of tampered) {
        const res = await stack.request(`/api/invitations/${encodeURIComponent(token)}`);
        expect([token, res.status]).toEqual([token, 404]);
      }
    });

    it('answers 404, not 500, when the signature has as many characters as a real one but not as many bytes', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      const eve = await contactByEmail('eve@example.org');
      // 31 ASCII characters and one "é": 32 characters, 33 bytes in UTF-8.
      const token = `${eve.id}.${webinar.id}.${'A'.repeat(31)}é`;
      const res = await stack.request(`/api/invitations/${encodeURIComponent(token)}`);
      expect(res.status).toBe(404);
    });
  });

  describe('refusals', () => {
    it('answers 401 without a session and 403 without the CSRF token', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      const body = JSON.stringify({ webinarId: webinar.id, segment: {} });
      for (const [method, path] of [
        ['GET', '/api/admin/campaigns'],
        ['GET', '/api/admin/campaigns/00000000-0000-4000-8000-000000000000'],
        ['POST', '/api/admin/campaigns'],
        ['POST', '/api/admin/campaigns/preview'],
      ] as const) {
        const res = await stack.request(path, {
          method,
          headers: { 'content-type': 'application/json' },
          body: method === 'POST' ? body : undefined,
        });
        expect([method, path, res.status]).toEqual([method, path, 401]);
      }
      for (const path of ['/api/admin/campaigns', '/api/admin/campaigns/preview']) {
        const res = await stack.request(path, {
          method: 'POST',
          headers: { cookie: session.cookie, 'content-type': 'application/json' },
          body,
        });
        expect([path, res.status]).toEqual([path, 403]);
      }
      expect(await invitationRows(webinar.id)).toEqual([]);
      expect(await stack.db.select().from(tables.campaigns)).toEqual([]);
    });

    it('answers 409 for a cancelled or started webinar and 404 for an unknown one, writing nothing', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      const cancel = await stack.request(`/api/admin/webinars/${webinar.id}/cancel`, {
        method: 'POST',
        headers: session.headers,
      });
      expect(cancel.status).toBe(200);
      const started = await createWebinarRow(stack.db, { startsAt: new Date(Date.now() - 60_000) });

      for (const id of [webinar.id, started.id]) {
        const res = await stack.request('/api/admin/campaigns', {
          method: 'POST',
          headers: session.headers,
          json: { webinarId: id, segment: {} },
        });
        expect(res.status).toBe(409);
        expect(((await res.json()) as TApiError).error.code).toBe('webinar_not_open');
        expect(await invitationRows(id)).toEqual([]);
      }
      const unknown = { webinarId: '00000000-0000-4000-8000-000000000000', segment: {} };
      for (const path of ['/api/admin/campaigns', '/api/admin/campaigns/preview']) {
        const res = await stack.request(path, { method: 'POST', headers: session.headers, json: unknown });
        expect([path, res.status]).toEqual([path, 404]);
      }
      expect(await stack.db.select().from(tables.campaigns)).toEqual([]);
    });

    it('answers 400 with field errors for a bad segment', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      const cases: [unknown, string, string][] = [
        [{ regions: ['antarctica'] }, 'segment.regions.0', 'invalid_choice'],
        [{ countries: ['France'] }, 'segment.countries.0', 'invalid_country'],
        [{ languages: ['de'] }, 'segment.languages.0', 'invalid_language'],
        [{ tags: ['  '] }, 'segment.tags.0', 'required'],
        [{ organizations: ['x'.repeat(101)] }, 'segment.organizations.0', 'too_long'],
        [{ langauges: ['fr'] }, 'segment.langauges', 'unknown_field'],
        [{ regions: ['africa'], countries: Array.from({ length: 301 }, () => 'FR') }, 'segment.countries', 'too_long'],
      ];
      for (const [segment, field, code] of cases) {
        for (const path of ['/api/admin/campaigns', '/api/admin/campaigns/preview']) {
          const res = await stack.request(path, {
            method: 'POST',
            headers: session.headers,
            json: { webinarId: webinar.id, segment },
          });
          const { error } = (await res.json()) as TApiError;
          expect([path, segment, res.status, error.code, error.fields?.[field]?.code]).toEqual([
            path,
            segment,
            400,
            'validation_failed',
            code,
          ]);
        }
      }
      const noWebinar = await stack.request('/api/admin/campaigns', {
        method: 'POST',
        headers: session.headers,
        json: { segment: {} },
      });
      expect(noWebinar.status).toBe(400);
      expect(((await noWebinar.json()) as TApiError).error.fields).toHaveProperty('webinarId');
      expect(await stack.db.select().from(tables.campaigns)).toEqual([]);
    });

    it('calls a segment or list of the wrong type invalid, not missing', async () => {
      const webinar = await createWebinarRow(stack.db, { startsAt: START });
      for (const [segment, field] of [
        [{ regions: 'africa' }, 'segment.regions'],
        ['everyone', 'segment'],
      ] as const) {
        const res = await preview(webinar.id, segment);
        expect(res.status).toBe(400);
        const { error } = (await res.json()) as TApiError;
        expect([segment, error.fields?.[field]?.code]).toEqual([segment, 'invalid_value']);
      }
    });
  });
});
