import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TAdminWebinar, TCampaignPreview } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import { createWebinarRow, registrationBody, truncateActivity } from '../factories.js';
import { campaignWhenDone, sendCampaign } from '../support/campaign-helpers.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const CONTACTS_CSV = [
  'email,name,organization,country,language,timeZone,tags',
  'amina@example.org,Amina Diallo,Réseau Migrants Sénégal,SN,fr,Africa/Dakar,west-africa',
  'bintou@example.org,Bintou Keita,Réseau Migrants Sénégal,SN,en,,west-africa',
  'omar@example.org,Omar Haddad,Arab Network,MA,ar,,west-africa',
].join('\n');

const ONE_CLICK = {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'List-Unsubscribe=One-Click',
} as const;

/*
 * The campaign and webinar screens show what the API counts: a second campaign to the same
 * segment, the preview's links, the registrations of a full webinar.
 */
describe.each(databaseKinds())('outreach screens (%s)', (kind) => {
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
    await stack.db.execute(sql`truncate table contacts cascade`);
    await truncateActivity(stack.db);
    const res = await stack.request('/api/admin/contacts/import', {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'text/csv' },
      body: CONTACTS_CSV,
    });
    expect(res.status).toBe(200);
  });

  describe('campaign progress', () => {
    it('counts a second campaign’s contacts as skipped, already invited, out of the true total', async () => {
      const webinar = await createWebinarRow(stack.db);
      const first = await sendCampaign(stack, session, webinar.id, { tags: ['west-africa'] });
      expect((await campaignWhenDone(stack, session, first.id)).progress).toMatchObject({
        total: 3,
        sent: 3,
        skipped: 0,
      });

      await stack.db
        .update(tables.contacts)
        .set({ unsubscribedAt: new Date() })
        .where(eq(tables.contacts.emailNormalized, 'omar@example.org'));
      const second = await sendCampaign(stack, session, webinar.id, { tags: ['west-africa'] });
      expect(second).toMatchObject({ plannedCount: 0, skippedCount: 3 });
      const res = await stack.request(`/api/admin/campaigns/${second.id}`, { headers: { cookie: session.cookie } });
      const { campaign } = (await res.json()) as { campaign: typeof second };
      // Omar unsubscribed after the first campaign: at the second he counts as unsubscribed.
      expect(campaign.progress).toEqual({
        campaignId: second.id,
        total: 3,
        queued: 0,
        sent: 0,
        failed: 0,
        skipped: 3,
        skippedReasons: { unsubscribed: 1, undeliverable: 0, alreadyInvited: 2, withdrawn: 0 },
        done: true,
      });
      // The first campaign's own figures do not change with the second.
      const again = await stack.request(`/api/admin/campaigns/${first.id}`, { headers: { cookie: session.cookie } });
      expect(((await again.json()) as { campaign: typeof first }).campaign.progress).toMatchObject({
        total: 3,
        sent: 3,
        skipped: 0,
      });
    });
  });

  describe('POST /api/admin/campaigns/preview', () => {
    it('renders links that carry no real token: following them registers and unsubscribes nobody', async () => {
      const webinar = await createWebinarRow(stack.db);
      const contacts = await stack.db.select().from(tables.contacts);
      const res = await stack.request('/api/admin/campaigns/preview', {
        method: 'POST',
        headers: session.headers,
        json: { webinarId: webinar.id, segment: {} },
      });
      expect(res.status).toBe(200);
      const preview = (await res.json()) as TCampaignPreview;
      expect(preview.languages.map((l) => l.language).sort()).toEqual(['ar', 'en', 'fr']);
      const body = JSON.stringify(preview);
      for (const contact of contacts) {
        expect([contact.email, body.includes(contact.unsubscribeToken)]).toEqual([contact.email, false]);
        expect([contact.email, body.includes(contact.id)]).toEqual([contact.email, false]);
      }

      for (const group of preview.languages) {
        // The HTML version has no link to follow at all.
        expect(group.html).not.toMatch(/href=/);
        const invite = /[?&]invite=([^&\s]+)/.exec(group.text)?.[1];
        expect(invite).toBe('preview');
        const lookup = await stack.request(`/api/invitations/${invite}`);
        expect(lookup.status).toBe(404);
        const unsubscribe = /http:\/\/convene\.test(\/unsubscribe\/[^\s\u2066-\u2069]+)/.exec(group.text)?.[1];
        expect(unsubscribe).toBe('/unsubscribe/preview');
        const followed = await stack.request(unsubscribe!, ONE_CLICK);
        expect(followed.status).toBe(404);
      }
      const [still] = await stack.db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(tables.contacts)
        .where(sql`${tables.contacts.unsubscribedAt} is null`);
      expect(still?.n).toBe(3);
    });

    it('says how many of the segment were already invited to the webinar', async () => {
      const webinar = await createWebinarRow(stack.db);
      await campaignWhenDone(
        stack,
        session,
        (await sendCampaign(stack, session, webinar.id, { countries: ['SN'] })).id,
      );
      const res = await stack.request('/api/admin/campaigns/preview', {
        method: 'POST',
        headers: session.headers,
        json: { webinarId: webinar.id, segment: {} },
      });
      expect(((await res.json()) as TCampaignPreview).excluded).toEqual({
        unsubscribed: 0,
        undeliverable: 0,
        alreadyInvited: 2,
      });
    });
  });

  describe('GET /api/admin/webinars', () => {
    it('counts confirmed registrations against the capacity and the waiting list apart', async () => {
      const webinar = await createWebinarRow(stack.db, { capacity: 2 });
      for (let i = 0; i < 3; i++) {
        const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
          method: 'POST',
          json: registrationBody(),
        });
        expect(res.status).toBe(201);
      }
      const res = await stack.request('/api/admin/webinars', { headers: { cookie: session.cookie } });
      const { webinars } = (await res.json()) as { webinars: TAdminWebinar[] };
      expect(webinars.find((w) => w.id === webinar.id)).toMatchObject({
        capacity: 2,
        confirmedCount: 2,
        waitlistedCount: 1,
        registrationsCount: 3,
      });
    });
  });
});
