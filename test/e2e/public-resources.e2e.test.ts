import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { formatInstant, wallTimeToUtc } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { createWebinarRow, reportBody } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { signIn } from '../support/coordinator-session.js';
import { ADMIN, type TestStack } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * Public resources per theme (issue 11, item 7) in real Chromium: a coordinator publishes a
 * frozen brief from the compile page and adds a consultation from the workspace; a member then
 * finds, in English and in Arabic, the theme page with a completed webinar's recording and the
 * brief to download, and the consultation calendar in their own zone.
 */

const THEME = 'human-rights-inclusion';
const DAY = 24 * 3600_000;
const RECORDING = 'https://video.example.org/inclusion-recording';

async function includedReportAndFrozenBrief(stack: TestStack): Promise<void> {
  const admin = await signIn(stack);
  const request = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    stack.request(path, { ...init, headers: { ...admin.headers, ...(init.headers as object) } });
  const body = reportBody({
    themes: [{ slug: THEME, provenance: 'chosen' }],
    barriers: 'Schools refuse to enrol children without residence papers.',
  });
  expect((await stack.request('/api/reports', { method: 'POST', json: body })).status).toBe(201);
  const [row] = await stack.db
    .select({ id: tables.reports.id })
    .from(tables.reports)
    .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
  expect(
    (await request(`/api/admin/reports/${row!.id}`, { method: 'PATCH', json: { status: 'included' } })).status,
  ).toBe(200);
  expect((await request('/api/admin/compilations', { method: 'POST', json: { themeSlug: THEME } })).status).toBe(201);
}

/** The wall date ("2027-03-01") of an instant in a zone. */
const dateIn = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );

async function addConsultationInWorkspace(page: Page, baseUrl: string, date: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/consultations`);
  const form = page.getByTestId('consultation-form');
  await form.getByLabel('Kind').selectOption('hearing');
  await form.getByLabel('Title (English)').fill('Multistakeholder hearing on inclusion');
  await form.getByLabel('Title (Arabic)').fill('جلسة استماع حول الإدماج');
  await form.getByLabel('Start date').fill(date);
  await form.getByLabel('Start time').fill('10:00');
  await form.getByLabel('End date').fill(date);
  await form.getByLabel('End time').fill('13:00');
  await form.getByLabel('Host time zone').selectOption('America/New_York');
  await form.getByLabel('Place').fill('UN Headquarters, New York');
  await form.getByLabel('Region').selectOption('americas');
  await form.getByLabel('Theme').selectOption(THEME);
  await page.getByTestId('consultation-submit').click();
  await page.getByTestId('consultation-row').first().waitFor();
}

describe('public resources per theme in Chromium', () => {
  const suite = useBrowserSuite({ kind: 'pglite', withWorker: false, smtp: false, env: { REPORT_RATE_LIMIT: '1000' } });

  it('publishes a brief and adds a consultation from the workspace, then shows both to members in English and Arabic', async () => {
    const { stack } = suite;
    await includedReportAndFrozenBrief(stack);
    await createWebinarRow(stack.db, {
      themeSlug: THEME,
      status: 'completed',
      startsAt: new Date(Date.now() - 14 * DAY),
      recordingUrl: RECORDING,
      title: { en: 'Inclusion and discrimination', ar: 'الإدماج والتمييز' },
    });
    const upcoming = await createWebinarRow(stack.db, { themeSlug: THEME });

    // The coordinator publishes the frozen brief from the compile page, and adds a consultation.
    const coordinator = await suite.open();
    await signInToWorkspace(coordinator.page, stack.url, ADMIN);
    await coordinator.page.goto(`${stack.url}/admin/compile/${THEME}`);
    await coordinator.page.getByTestId('publish-brief').click();
    await coordinator.page.getByTestId('unpublish-brief').waitFor();
    expect(await coordinator.page.getByTestId('publish-control').textContent()).toContain('Public since');
    expect(await severeViolations(coordinator.page, 'compile page with the publish control (en)')).toEqual([]);

    const hearingDay = dateIn(new Date(Date.now() + 30 * DAY), 'America/New_York');
    await addConsultationInWorkspace(coordinator.page, stack.url, hearingDay);
    expect(await severeViolations(coordinator.page, 'workspace consultations (en)')).toEqual([]);
    const [y, m, d] = hearingDay.split('-').map(Number);
    const startsAt = wallTimeToUtc({ year: y!, month: m!, day: d!, hour: 10, minute: 0 }, 'America/New_York');
    const rows = await stack.db.select().from(tables.consultations);
    expect(rows.map((r) => r.startsAt.toISOString())).toEqual([startsAt.toISOString()]);
    expect(coordinator.pageErrors).toEqual([]);

    // A member reaches the theme page from the webinar page, in English.
    const member = await suite.open({ acceptDownloads: true });
    await member.page.goto(`${stack.url}/webinars/${upcoming.slug}?lang=en`);
    await member.page.getByTestId('theme-link').click();
    await member.page.waitForURL((url) => url.pathname === `/themes/${THEME}`);
    await member.page.getByTestId('published-brief').waitFor();
    expect(await member.page.locator('main h1').textContent()).toContain('Human rights');
    const recording = member.page.getByTestId('recording-link');
    expect(await recording.getAttribute('href')).toBe(RECORDING);
    expect(await member.page.getByTestId('completed-webinar').textContent()).toContain('Inclusion and discrimination');
    expect(await member.page.getByTestId('published-brief').textContent()).toContain('Brief 1');
    expect(await member.page.getByTestId('consultation').textContent()).toContain('Multistakeholder hearing');
    expect(await severeViolations(member.page, 'theme page (en)')).toEqual([]);

    // The Word brief downloads, and is a Word file (a zip) of the frozen snapshot.
    const [download] = await Promise.all([
      member.page.waitForEvent('download'),
      member.page.getByRole('link', { name: 'Download brief 1 as Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`brief-${THEME}-1.docx`);
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const markdown = await member.page.evaluate(
      async (path) => (await fetch(path)).text(),
      `/api/themes/${THEME}/briefs/1.md`,
    );
    expect(markdown).toContain('Schools refuse to enrol children');

    // In Arabic: right to left, Arabic texts, the same recording and downloads.
    await member.page.goto(`${stack.url}/themes/${THEME}?lang=ar`);
    await member.page.getByTestId('published-brief').waitFor();
    expect(await member.page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await member.page.locator('#theme-briefs').textContent()).toBe('الموجزات المنشورة');
    expect(await member.page.getByTestId('recording-link').textContent()).toBe('شاهد التسجيل');
    expect(await member.page.getByTestId('completed-webinar').textContent()).toContain('الإدماج والتمييز');
    const word = member.page.getByRole('link', { name: 'نزّل الموجز 1 بصيغة Word' });
    expect(await word.getAttribute('href')).toBe(`/api/themes/${THEME}/briefs/1.docx?lang=ar`);
    expect(await severeViolations(member.page, 'theme page (ar)')).toEqual([]);
    expect(member.pageErrors).toEqual([]);
  });

  it('lists the consultation calendar in the reader’s zone, filters it, and offers its feed', async () => {
    const { stack } = suite;
    const [consultation] = await stack.db.select().from(tables.consultations);
    expect(consultation).toBeDefined();

    // A reader in Tokyo sees the New York hearing in Tokyo time, the zone named, the host's time alongside.
    const tokyo = await suite.open({ timezoneId: 'Asia/Tokyo' });
    await tokyo.page.goto(`${stack.url}/consultations?lang=en`);
    await tokyo.page.getByTestId('consultation').waitFor();
    const starts = formatInstant(consultation!.startsAt, 'Asia/Tokyo', 'en');
    expect(await tokyo.page.getByTestId('consultation-starts').textContent()).toBe(starts.full);
    expect(starts.full).toContain('(Asia/Tokyo)');
    expect(await tokyo.page.getByTestId('consultation-host-time').textContent()).toBe(
      formatInstant(consultation!.startsAt, 'America/New_York', 'en').full,
    );
    expect(await tokyo.page.getByTestId('reader-zone').textContent()).toContain('Asia/Tokyo');
    expect(await severeViolations(tokyo.page, 'consultation calendar (en)')).toEqual([]);

    // Filtered by another region: nothing; back to the Americas: the hearing, and the feed follows.
    await tokyo.page.getByLabel('Region').selectOption('africa');
    await tokyo.page.getByText('No upcoming consultation matches these filters.').waitFor();
    expect(await tokyo.page.getByTestId('calendar-feed').getAttribute('href')).toBe(
      `${stack.url}/api/consultations.ics?region=africa&lang=en`,
    );
    await tokyo.page.getByLabel('Region').selectOption('americas');
    await tokyo.page.getByTestId('consultation').waitFor();
    expect(new URL(tokyo.page.url()).search).toBe('?region=americas&lang=en');
    const feed = await tokyo.page.evaluate(async (path) => {
      const res = await fetch(path);
      return { type: res.headers.get('content-type'), text: await res.text() };
    }, '/api/consultations.ics?region=americas');
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    expect(feed.text).toContain(`UID:${consultation!.id}@convene.test`);

    // In Arabic, in Cairo.
    const cairo = await suite.open({ timezoneId: 'Africa/Cairo', locale: 'ar-EG' });
    await cairo.page.goto(`${stack.url}/consultations?lang=ar`);
    await cairo.page.getByTestId('consultation').waitFor();
    expect(await cairo.page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await cairo.page.getByTestId('consultation-starts').textContent()).toBe(
      formatInstant(consultation!.startsAt, 'Africa/Cairo', 'ar').full,
    );
    expect(await cairo.page.getByTestId('consultation').textContent()).toContain('جلسة استماع حول الإدماج');
    expect(await severeViolations(cairo.page, 'consultation calendar (ar)')).toEqual([]);
    expect([...tokyo.pageErrors, ...cairo.pageErrors]).toEqual([]);
  });

  it('prints a theme page without the header, the controls or the feed box', async () => {
    const { stack } = suite;
    const { page } = await suite.open();
    await page.goto(`${stack.url}/themes/${THEME}?lang=en`);
    await page.getByTestId('published-brief').waitFor();
    expect(await page.locator('.site-header').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print this page' }).isVisible()).toBe(false);
    expect(await page.getByTestId('calendar-feed').isVisible()).toBe(false);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    expect(await page.getByTestId('published-brief').isVisible()).toBe(true);
  });

  it('serves the web app manifest linked from every page', async () => {
    const { stack } = suite;
    const { page } = await suite.open();
    await page.goto(`${stack.url}/`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const manifest = (await page.evaluate(async (path) => (await fetch(path)).json(), href!)) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest).toMatchObject({ short_name: 'Convene', start_url: '/', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const status = await page.evaluate(async (src) => (await fetch(src)).status, icon.src);
      expect(status).toBe(200);
    }
  });
});
