import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TLanguage } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { and, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import ical, { type VEvent } from 'node-ical';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWebinarRow, eventually } from '../factories.js';
import { ensureClientBuild, launchChromium } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/*
 * A visitor registers through the real page in real Chromium, in Arabic and in Spanish, from
 * a device set to their own zone; the confirmation then arrives at a real SMTP server, in
 * their language, with the start in their zone and an invitation for the right instant.
 */

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts', 'e2e');

// 15:00 UTC: 17:00 in Beirut (UTC+2 in March), 10:00 in Bogotá (UTC-5), 23:00 in Manila (UTC+8).
const START = new Date('2027-03-15T15:00:00Z');
const HOST_ZONE = 'Asia/Manila';
const DURATION = 90;

type Visit = {
  language: TLanguage;
  /** The device's zone and locale: the page must pick the zone up by itself. */
  timezoneId: string;
  locale: string;
  dir: 'rtl' | 'ltr';
  title: string;
  name: string;
  country: string;
  subjectPrefix: string;
  /** The start in the visitor's zone, as that language writes it (Arabic uses a 12-hour clock). */
  localTime: RegExp;
  hostTime: RegExp;
  screenshot?: string;
};

const VISITS: Visit[] = [
  {
    language: 'ar',
    timezoneId: 'Asia/Beirut',
    locale: 'ar',
    dir: 'rtl',
    title: 'المسارات النظامية والعمل اللائق',
    name: 'ليلى حداد',
    country: 'LB',
    subjectPrefix: 'تأكيد التسجيل',
    localTime: /(?:\b17:00\b|\b0?5:00\s*م)/,
    hostTime: /(?:\b23:00\b|\b11:00\s*م)/,
    screenshot: 'register-ar.png',
  },
  {
    language: 'es',
    timezoneId: 'America/Bogota',
    locale: 'es',
    dir: 'ltr',
    title: 'Vías regulares y trabajo decente',
    name: 'Lucía Pérez',
    country: 'CO',
    subjectPrefix: 'Inscripción confirmada',
    localTime: /\b10:00\b/,
    hostTime: /\b23:00\b/,
  },
];

/**
 * Text as a reader sees it, for matching: bidi marks dropped, Arabic-Indic digits as ASCII,
 * the narrow and no-break spaces ICU puts in times as plain spaces.
 */
function plain(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u00a0\u202f]/g, ' ');
}

function recipients(mail: ParsedMail): string {
  const to = mail.to;
  if (!to) return '';
  return (Array.isArray(to) ? to : [to]).map((a) => a.text).join(', ');
}

function calendarOf(mail: ParsedMail): VEvent {
  const attachment = mail.attachments.find(
    (a) => a.contentType.startsWith('text/calendar') || (a.filename ?? '').endsWith('.ics'),
  );
  if (!attachment) throw new Error(`no .ics attachment in "${mail.subject ?? ''}"`);
  const parsed = ical.sync.parseICS(attachment.content.toString('utf8'));
  const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as VEvent | undefined;
  if (!event) throw new Error('no VEVENT in the .ics attachment');
  return event;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('registering through the page in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureClientBuild();
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startTestStack({ kind: 'pglite', smtp: true });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  /** A fresh visitor (no stored preferences) on a device set to the given zone and locale. */
  async function visit(visitor: Pick<Visit, 'timezoneId' | 'locale'>): Promise<{ page: Page; pageErrors: string[] }> {
    const context = await browser.newContext({
      timezoneId: visitor.timezoneId,
      locale: visitor.locale,
      viewport: { width: 1024, height: 900 },
    });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return { page, pageErrors };
  }

  /** Messages the sink holds for one address. */
  const mailTo = (email: string) => stack.sink!.messages.filter((m) => recipients(m).includes(email));

  it.each(VISITS)(
    'registers in $language from $timezoneId, showing and mailing the start in that zone',
    async (v) => {
      const webinar = await createWebinarRow(stack.db, {
        startsAt: START,
        hostTimeZone: HOST_ZONE,
        durationMinutes: DURATION,
      });
      const email = `visitor.${v.language}.${Date.now().toString(36)}@example.org`;
      const { page, pageErrors } = await visit(v);

      await page.goto(`${stack.url}/webinars/${webinar.slug}?lang=${v.language}`);
      await page.getByTestId('your-time').waitFor();

      // The page speaks the language, in its direction.
      const html = page.locator('html');
      expect(await html.getAttribute('lang')).toBe(v.language);
      expect(await html.getAttribute('dir')).toBe(v.dir);
      expect(await page.locator('h1').textContent()).toBe(v.title);

      // The device's zone was detected, and the start is shown in it, zone named; the host's alongside.
      expect(await page.locator('select[name="displayTimeZone"]').inputValue()).toBe(v.timezoneId);
      const yourTime = plain(await page.getByTestId('your-time').textContent());
      expect(yourTime).toContain(`(${v.timezoneId})`);
      expect(yourTime).toMatch(v.localTime);
      expect(yourTime).toContain('2027');
      const hostTime = plain(await page.getByTestId('host-time').textContent());
      expect(hostTime).toContain(`(${HOST_ZONE})`);
      expect(hostTime).toMatch(v.hostTime);

      // The form starts on the page's language and the detected zone: what the emails will use.
      const form = page.locator('form');
      expect(await form.locator('select[name="language"]').inputValue()).toBe(v.language);
      expect(await form.locator('select[name="timeZone"]').inputValue()).toBe(v.timezoneId);

      await form.locator('input[name="name"]').fill(v.name);
      await form.locator('input[name="email"]').fill(email);
      await form.locator('input[name="organization"]').fill('Red de Personas Migrantes');
      await form.locator('select[name="country"]').selectOption(v.country);
      await form.locator('input[name="consent"]').check();

      if (v.screenshot) await page.screenshot({ path: path.join(ARTIFACTS, v.screenshot), fullPage: true });

      const posted = page.waitForResponse(
        (r) => r.url().endsWith(`/api/webinars/${webinar.slug}/registrations`) && r.request().method() === 'POST',
      );
      await form.locator('button[type="submit"]').click();
      expect((await posted).status()).toBe(201);

      const confirmation = page.getByTestId('confirmation');
      await confirmation.waitFor();
      expect(await confirmation.getAttribute('data-status')).toBe('confirmed');
      const confirmationText = plain(await confirmation.textContent());
      expect(confirmationText).toContain(`(${v.timezoneId})`);
      expect(confirmationText).toMatch(v.localTime);

      // Stored as the page sent it.
      const rows = await stack.db
        .select()
        .from(tables.registrations)
        .where(eq(tables.registrations.webinarId, webinar.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        email,
        name: v.name,
        country: v.country,
        language: v.language,
        timeZone: v.timezoneId,
        status: 'confirmed',
      });

      // The confirmation goes out over SMTP, once.
      await eventually(async () => mailTo(email).length > 0, 30_000);
      await eventually(async () => {
        const [n] = await stack.db
          .select()
          .from(tables.notifications)
          .where(
            and(eq(tables.notifications.registrationId, rows[0]!.id), eq(tables.notifications.kind, 'confirmation')),
          );
        return n?.status === 'sent';
      });
      await sleep(500); // a duplicate would have had its chance
      const mails = mailTo(email);
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;

      expect(mail.subject).toBe(`${v.subjectPrefix}: ${v.title}`);
      expect(mail.headers.get('content-language')).toBe(v.language);
      expect(mail.html).toContain(`lang="${v.language}"`);
      expect(mail.html).toContain(`dir="${v.dir}"`);
      const text = plain(mail.text);
      const yourLine = text.split('\n').find((line) => line.includes(`(${v.timezoneId})`));
      expect(yourLine).toBeDefined();
      expect(yourLine).toMatch(v.localTime);
      const hostLine = text.split('\n').find((line) => line.includes(`(${HOST_ZONE})`));
      expect(hostLine).toBeDefined();
      expect(hostLine).toMatch(v.hostTime);
      expect(text).toContain(webinar.joinUrl);

      const event = calendarOf(mail);
      expect(event.start.toISOString()).toBe(START.toISOString());
      expect(event.end?.toISOString()).toBe(new Date(START.getTime() + DURATION * 60_000).toISOString());

      expect(pageErrors).toEqual([]);
    },
    90_000,
  );

  it('keeps an empty form in the page, marks the missing fields and sends nothing', async () => {
    const webinar = await createWebinarRow(stack.db, { startsAt: START, hostTimeZone: HOST_ZONE });
    const { page, pageErrors } = await visit({ timezoneId: 'America/Bogota', locale: 'es' });
    const registrationRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/registrations')) registrationRequests.push(`${r.method()} ${r.url()}`);
    });
    const mailsBefore = stack.sink!.messages.length;

    await page.goto(`${stack.url}/webinars/${webinar.slug}?lang=es`);
    const form = page.locator('form');
    await form.locator('button[type="submit"]').waitFor();
    await form.locator('button[type="submit"]').click();

    const summary = form.locator('[role="alert"]');
    await summary.waitFor();
    expect(plain(await summary.textContent())).toContain('Corrija lo siguiente:');
    // The summary takes focus, so a screen reader announces it.
    expect(await summary.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    for (const field of ['name', 'email']) {
      const input = form.locator(`input[name="${field}"]`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await input.getAttribute('aria-describedby');
      expect(describedBy).toBeTruthy();
      expect(plain(await page.locator(`[id="${describedBy}"]`).textContent())).toContain('Este campo es obligatorio.');
    }
    expect(await form.locator('input[name="consent"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('select[name="country"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('confirmation').count()).toBe(0);

    await sleep(500);
    expect(registrationRequests).toEqual([]);
    const rows = await stack.db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.webinarId, webinar.id));
    expect(rows).toHaveLength(0);
    const notifications = await stack.db
      .select()
      .from(tables.notifications)
      .where(eq(tables.notifications.webinarId, webinar.id));
    expect(notifications).toHaveLength(0);
    expect(stack.sink!.messages.length).toBe(mailsBefore);
    expect(pageErrors).toEqual([]);
  });
});
