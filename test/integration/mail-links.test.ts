import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LANGUAGES, type TLanguage } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { createMailTransport, rendererFor, renderedKinds, type NotificationContext } from '@convene/worker';
import type { ParsedMail } from 'mailparser';
import { createWebinarRow } from '../factories.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/*
 * Every mail the worker renders, in every language, read back from a real SMTP server: each
 * link in the HTML part is left-to-right and wraps anywhere (a phone is 390 px wide), and
 * each URL of the text part stands on a line of its own — isolated with LRI … PDI in Arabic,
 * where the bidirectional algorithm would otherwise reorder it (defect 8 of issue 9).
 */

// Long, like the links video platforms hand out.
export const LONG_JOIN_URL = `https://meet.example.org/j/86753090124?pwd=${'Zq8xVb3N'.repeat(8)}&uname=participant`;
export const LONG_RECORDING_URL = `https://video.example.org/recordings/2027/03/${'a1b2c3d4'.repeat(10)}/play?lang=ar`;

const LRI = '\u2066';
const PDI = '\u2069';
const URL_PATTERN = /https?:\/\/[^\s\u2066\u2069<>"]+/g;

type Rendered = { kind: string; language: TLanguage; mail: ParsedMail };

/** The opening tags of every link in an HTML part. */
const anchorsOf = (html: string) => html.match(/<a\b[^>]*>/g) ?? [];

describe('links in every mail, in every language, as received over SMTP', () => {
  let stack: TestStack;
  const rendered: Rendered[] = [];
  const sent = new Map<string, Omit<Rendered, 'mail'>>();
  const webinarKinds = renderedKinds().filter(
    (k) => !(tables.ACCOUNT_NOTIFICATION_KINDS as readonly string[]).includes(k),
  );

  beforeAll(async () => {
    stack = await startTestStack({ kind: 'pglite', withWorker: false });
    const webinar = await createWebinarRow(stack.db, {
      joinUrl: LONG_JOIN_URL,
      recordingUrl: LONG_RECORDING_URL,
    });
    const transport = createMailTransport({
      smtpUrl: stack.sink!.url,
      mailFrom: 'Convene <noreply@convene.test>',
      db: stack.db,
      dataDir: stack.target.dataDir,
    });
    const settings = { publicUrl: 'http://convene.test', mailFrom: 'Convene <noreply@convene.test>' };
    try {
      for (const language of LANGUAGES) {
        const email = `reader.${language}.${randomBytes(3).toString('hex')}@example.org`;
        const [registration] = await stack.db
          .insert(tables.registrations)
          .values({
            webinarId: webinar.id,
            name: 'Amina Diallo',
            email,
            emailNormalized: email,
            country: 'MA',
            language,
            timeZone: 'Africa/Casablanca',
            consentAt: new Date(),
            status: 'confirmed',
            confirmedAt: new Date(),
            manageToken: randomBytes(24).toString('base64url'),
          })
          .returning();
        const [contact] = await stack.db
          .insert(tables.contacts)
          .values({
            email,
            emailNormalized: email,
            name: 'Amina Diallo',
            country: 'MA',
            language,
            unsubscribeToken: randomBytes(24).toString('base64url'),
          })
          .returning();
        const [notification] = await stack.db
          .insert(tables.notifications)
          .values({
            kind: 'reminder',
            webinarId: webinar.id,
            registrationId: registration!.id,
            webinarVersion: webinar.version,
            offsetMinutes: 1440,
            dedupeKey: `test-${randomUUID()}`,
            scheduledAt: new Date(),
          })
          .returning();
        for (const kind of webinarKinds) {
          const ctx: NotificationContext = {
            notification: { ...notification!, kind },
            webinar,
            registration: registration!,
            contact: contact!,
          };
          const id = randomUUID();
          await transport.send(rendererFor(kind)!(ctx, settings), id);
          sent.set(`<${id}@convene>`, { kind, language });
        }
      }
      // A pooled transport may deliver out of order: each mail is told by its Message-ID.
      for (const mail of await stack.sink!.waitFor(sent.size)) {
        const what = sent.get(mail.messageId ?? '');
        if (what) rendered.push({ ...what, mail });
      }
    } finally {
      transport.close();
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('renders every kind of participant mail in the four languages', () => {
    expect(webinarKinds.length).toBeGreaterThanOrEqual(7);
    expect(rendered).toHaveLength(webinarKinds.length * LANGUAGES.length);
    for (const { language, mail } of rendered) expect(mail.headers.get('content-language')).toBe(language);
  });

  it('gives every HTML link dir="ltr" and a style that wraps it anywhere, and leaves no URL outside a link', () => {
    const problems: string[] = [];
    for (const { kind, language, mail } of rendered) {
      const html = String(mail.html);
      const where = `${kind}/${language}`;
      if (!html.includes('name="viewport" content="width=device-width, initial-scale=1"')) {
        problems.push(`${where}: no viewport`);
      }
      for (const anchor of anchorsOf(html)) {
        if (!anchor.includes('dir="ltr"')) problems.push(`${where}: ${anchor} has no dir="ltr"`);
        if (!/word-break:\s*break-all/.test(anchor) || !/overflow-wrap:\s*anywhere/.test(anchor)) {
          problems.push(`${where}: ${anchor} does not wrap`);
        }
      }
      const outsideLinks = html.replace(/<a\b[^>]*>[^<]*<\/a>/g, '');
      if (/https?:\/\//.test(outsideLinks)) problems.push(`${where}: a URL outside a link`);
    }
    expect(problems).toEqual([]);
    // Every kind but the cancellation carries links; these were checked above.
    const linked = rendered.filter((r) => anchorsOf(String(r.mail.html)).length > 0);
    expect(linked.length).toBeGreaterThanOrEqual((webinarKinds.length - 1) * LANGUAGES.length);
  });

  it('puts each URL of a text part on its own line, between LRI and PDI in Arabic only', () => {
    const problems: string[] = [];
    let urls = 0;
    for (const { kind, language, mail } of rendered) {
      const lines = (mail.text ?? '').split('\n');
      for (const line of lines) {
        for (const url of line.match(URL_PATTERN) ?? []) {
          urls += 1;
          const expected = language === 'ar' ? `${LRI}${url}${PDI}` : url;
          if (line !== expected) problems.push(`${kind}/${language}: ${JSON.stringify(line)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(urls).toBeGreaterThan(LANGUAGES.length * 6);
  });

  it('keeps the long join and recording links whole in both parts', () => {
    const followUp = rendered.find((r) => r.kind === 'follow_up' && r.language === 'ar')!.mail;
    expect(followUp.text).toContain(`${LRI}${LONG_RECORDING_URL}${PDI}`);
    expect(String(followUp.html)).toContain(`href="${LONG_RECORDING_URL}"`);
    const reminder = rendered.find((r) => r.kind === 'reminder' && r.language === 'ar')!.mail;
    expect(reminder.text).toContain(`${LRI}${LONG_JOIN_URL}${PDI}`);
  });

  it("opens the manage page in the registrant's language: every manage link names it", () => {
    const withManageLink = new Set<string>();
    const wrong: string[] = [];
    for (const { kind, language, mail } of rendered) {
      const parts = `${String(mail.html)}\n${mail.text ?? ''}`;
      for (const [url] of parts.matchAll(/https?:\/\/[^\s"<>\u2066-\u2069]*\/manage\/[^\s"<>\u2066-\u2069]*/g)) {
        withManageLink.add(`${kind}/${language}`);
        if (new URL(url.replace(/&amp;/g, '&')).searchParams.get('lang') !== language)
          wrong.push(`${kind}/${language}: ${url}`);
      }
    }
    expect(wrong).toEqual([]);
    // The confirmation, reminders and changes all carry one, in each language.
    expect(withManageLink.size).toBeGreaterThanOrEqual(LANGUAGES.length * 3);
  });

  it("links the privacy notice in the recipient's language from both parts of every mail", () => {
    const missing: string[] = [];
    for (const { kind, language, mail } of rendered) {
      const url = `http://convene.test/privacy?lang=${language}`;
      if (!String(mail.html).includes(`href="${url}"`)) missing.push(`${kind}/${language}: html`);
      if (!(mail.text ?? '').includes(url)) missing.push(`${kind}/${language}: text`);
    }
    expect(missing).toEqual([]);
    expect(rendered).toHaveLength(webinarKinds.length * LANGUAGES.length);
  });

  it('names the webinar (ندوة, feminine) in the Arabic reminder subject, so its verb agrees', () => {
    const subject = rendered.find((r) => r.kind === 'reminder' && r.language === 'ar')!.mail.subject;
    expect(subject).toBe('تذكير: ندوة «المسارات النظامية والعمل اللائق» تبدأ غدًا');
  });

  it('keeps the French no-break space before the colon of each subject', () => {
    for (const { mail } of rendered.filter((r) => r.language === 'fr')) {
      expect(mail.subject).toMatch(/\S\u00a0: /);
    }
  });
});
