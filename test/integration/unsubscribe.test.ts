import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TCampaignPreview, TContactImportResult } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { createWebinarRow, truncateActivity } from '../factories.js';
import { launchChromium } from '../support/browser.js';
import { campaignWhenDone, sendCampaign } from '../support/campaign-helpers.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { recipientOf, settle } from '../support/mail-helpers.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const CONTACTS_CSV = [
  'email;name;organization;country;language;time zone;tags',
  'leila@example.org;Leila Benali;Réseau Maghreb;MA;fr;Africa/Casablanca;north-africa',
  'omar@example.org;Omar Haddad;Réseau Maghreb;EG;ar;;north-africa',
  'sam@example.org;Sam Lee;Réseau Maghreb;MA;en;;north-africa',
].join('\n');

const FR = {
  question: 'Ne plus recevoir d’invitations aux webinaires de la coalition à cette adresse ?',
  confirm: 'Me désinscrire',
  done: 'Vous êtes désinscrit·e. Vous ne recevrez plus d’invitations.',
};
const INVALID_EN = 'This unsubscribe link is not valid.';
const ONE_CLICK = {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'List-Unsubscribe=One-Click',
} as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(databaseKinds())('unsubscribe (%s)', (kind) => {
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
    stack.sink!.messages.splice(0);
    expect((await importCsv(CONTACTS_CSV)).imported).toBe(3);
  });

  async function importCsv(csv: string): Promise<TContactImportResult> {
    const res = await stack.request('/api/admin/contacts/import', {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'text/csv; charset=utf-8' },
      body: csv,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as TContactImportResult;
  }

  async function contact(email: string) {
    const [row] = await stack.db.select().from(tables.contacts).where(eq(tables.contacts.emailNormalized, email));
    if (!row) throw new Error(`no contact ${email}`);
    return row;
  }

  async function unsubscribedEmails(): Promise<string[]> {
    const rows = await stack.db
      .select({ email: tables.contacts.emailNormalized })
      .from(tables.contacts)
      .where(sql`${tables.contacts.unsubscribedAt} is not null`);
    return rows.map((r) => r.email).sort();
  }

  describe('GET /unsubscribe/:token', () => {
    it('shows a page with one form and one button in the contact language, and unsubscribes nobody', async () => {
      const leila = await contact('leila@example.org');
      for (const base of ['/unsubscribe', '/api/unsubscribe']) {
        const res = await stack.request(`${base}/${leila.unsubscribeToken}`);
        expect([base, res.status]).toEqual([base, 200]);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.headers.get('cache-control')).toBe('no-store');
        const html = await res.text();
        expect(html).toContain('<html lang="fr" dir="ltr">');
        expect(html).toContain(FR.question);
        expect(html.match(/<form\b/g)).toHaveLength(1);
        expect(html.match(/<button\b/g)).toHaveLength(1);
        expect(html).toMatch(
          new RegExp(`<form method="post" action="${base}/${leila.unsubscribeToken}">`.replace(/\//g, '\\/')),
        );
        expect(html).toContain(`<button type="submit">${FR.confirm}</button>`);
      }

      const omar = await contact('omar@example.org');
      const arabic = await (await stack.request(`/unsubscribe/${omar.unsubscribeToken}`)).text();
      expect(arabic).toContain('<html lang="ar" dir="rtl">');
      expect(arabic).toContain('ألغِ اشتراكي');

      // Mail scanners follow links: a GET must never unsubscribe.
      expect(await unsubscribedEmails()).toEqual([]);
    });

    it('has no inline script or style, under a CSP that forbids them', async () => {
      const leila = await contact('leila@example.org');
      for (const path of [`/unsubscribe/${leila.unsubscribeToken}`, `/unsubscribe/${'x'.repeat(32)}`]) {
        const res = await stack.request(path);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("style-src 'self'");
        expect(csp).toContain("form-action 'self'");
        expect(csp).not.toContain('unsafe-inline');
        const html = await res.text();
        expect(html).not.toMatch(/<script\b/i);
        expect(html).not.toMatch(/<style\b/i);
        expect(html).not.toMatch(/\sstyle=/i);
        expect(html).not.toMatch(/\son[a-z]+=/i);
      }
    });

    it('answers an unknown or malformed token with a 404 page', async () => {
      const tokens = [
        randomBytes(24).toString('base64url'),
        'short',
        'x'.repeat(101),
        encodeURIComponent('not a token at all, but long enough'),
      ];
      for (const token of tokens) {
        for (const init of [{}, ONE_CLICK]) {
          const res = await stack.request(`/unsubscribe/${token}`, init);
          const html = await res.text();
          expect([token, 'method' in init ? 'POST' : 'GET', res.status]).toEqual([
            token,
            'method' in init ? 'POST' : 'GET',
            404,
          ]);
          expect(res.headers.get('content-type')).toMatch(/^text\/html/);
          expect(html).toContain(INVALID_EN);
          expect(html).not.toMatch(/<form\b/);
        }
      }
      expect(await unsubscribedEmails()).toEqual([]);
    });
  });

  describe('POST /unsubscribe/:token', () => {
    it('unsubscribes on the one-click POST of a mail client (RFC 8058), once and for good', async () => {
      const leila = await contact('leila@example.org');
      const res = await stack.request(`/unsubscribe/${leila.unsubscribeToken}`, ONE_CLICK);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('<html lang="fr" dir="ltr">');
      expect(html).toContain(FR.done);
      expect(await unsubscribedEmails()).toEqual(['leila@example.org']);
      const first = (await contact('leila@example.org')).unsubscribedAt;
      expect(first).toBeInstanceOf(Date);

      // Again, through the API mount: still unsubscribed, the first date kept.
      const again = await stack.request(`/api/unsubscribe/${leila.unsubscribeToken}`, ONE_CLICK);
      expect(again.status).toBe(200);
      expect((await contact('leila@example.org')).unsubscribedAt).toEqual(first);

      // The page now says so, and offers nothing more to click.
      const page = await (await stack.request(`/unsubscribe/${leila.unsubscribeToken}`)).text();
      expect(page).toContain(FR.done);
      expect(page).not.toMatch(/<form\b/);
    });

    it('unsubscribes from the page in a browser with JavaScript disabled', async () => {
      const leila = await contact('leila@example.org');
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${stack.url}/unsubscribe/${leila.unsubscribeToken}`);
        expect(await page.locator('button').count()).toBe(1);
        await page.getByRole('button', { name: FR.confirm }).click();
        await page.getByText(FR.done).waitFor();
        expect(new URL(page.url()).pathname).toBe(`/unsubscribe/${leila.unsubscribeToken}`);
      } finally {
        await context.close();
      }
      expect(await unsubscribedEmails()).toEqual(['leila@example.org']);
    });

    it('cancels the contact pending invitations, and no later campaign mails them', async () => {
      const webinar = await createWebinarRow(stack.db);
      const leila = await contact('leila@example.org');
      const queue = stack.running.ctx.mailQueue.queue;
      // Paused, the invitations stay pending while the contact unsubscribes.
      await queue.pause();
      let campaignId: string;
      try {
        const campaign = await sendCampaign(stack, session, webinar.id, { tags: ['north-africa'] });
        expect(campaign.plannedCount).toBe(3);
        campaignId = campaign.id;
        expect((await stack.request(`/unsubscribe/${leila.unsubscribeToken}`, ONE_CLICK)).status).toBe(200);

        const rows = await stack.db
          .select({ contactId: tables.notifications.contactId, status: tables.notifications.status })
          .from(tables.notifications)
          .where(eq(tables.notifications.campaignId, campaign.id));
        expect(rows.filter((r) => r.status === 'pending')).toHaveLength(2);
        const [theirs] = await stack.db
          .select()
          .from(tables.notifications)
          .where(and(eq(tables.notifications.campaignId, campaign.id), eq(tables.notifications.contactId, leila.id)));
        expect(theirs).toMatchObject({ status: 'cancelled', lastError: 'unsubscribed' });
      } finally {
        await queue.resume();
      }

      const done = await campaignWhenDone(stack, session, campaignId);
      expect(done.progress).toMatchObject({ total: 3, sent: 2, skipped: 1, queued: 0 });
      await settle(stack.sink!.messages);
      expect(stack.sink!.messages.map(recipientOf).sort()).toEqual(['omar@example.org', 'sam@example.org']);

      const later = await createWebinarRow(stack.db);
      const next = await sendCampaign(stack, session, later.id, { tags: ['north-africa'] });
      expect(next).toMatchObject({ plannedCount: 2, skippedCount: 1 });
      await campaignWhenDone(stack, session, next.id);
      await settle(stack.sink!.messages);
      expect(stack.sink!.messages).toHaveLength(4);
      expect(stack.sink!.messages.map(recipientOf)).not.toContain('leila@example.org');
    });

    it('stays in force when the contact is imported again from a CSV', async () => {
      const leila = await contact('leila@example.org');
      expect((await stack.request(`/unsubscribe/${leila.unsubscribeToken}`, ONE_CLICK)).status).toBe(200);
      const unsubscribedAt = (await contact('leila@example.org')).unsubscribedAt;

      const result = await importCsv(
        'email;name;organization;country;language;time zone;tags\nLEILA@Example.org;Leila B.;Nouveau Réseau;MA;fr;;youth\n',
      );
      expect(result).toMatchObject({ imported: 0, updated: 1, rejected: [] });
      const after = await contact('leila@example.org');
      expect(after).toMatchObject({
        name: 'Leila B.',
        organization: 'Nouveau Réseau',
        unsubscribedAt,
        unsubscribeToken: leila.unsubscribeToken,
      });

      const webinar = await createWebinarRow(stack.db);
      const res = await stack.request('/api/admin/campaigns/preview', {
        method: 'POST',
        headers: session.headers,
        json: { webinarId: webinar.id, segment: { countries: ['MA'] } },
      });
      const preview = (await res.json()) as TCampaignPreview;
      expect(preview).toMatchObject({ audience: 1, excluded: { unsubscribed: 1, undeliverable: 0 } });
      const campaign = await sendCampaign(stack, session, webinar.id, { countries: ['MA'] });
      expect(campaign).toMatchObject({ plannedCount: 1, skippedCount: 1 });
      await campaignWhenDone(stack, session, campaign.id);
      await settle(stack.sink!.messages);
      expect(stack.sink!.messages.map(recipientOf)).toEqual(['sam@example.org']);
      expect(await (await stack.request(`/unsubscribe/${leila.unsubscribeToken}`)).text()).toContain(FR.done);
    });
  });
});
