import type { Locator, Page } from 'playwright-core';

/*
 * Steps on a webinar's registrants page (/admin/webinars/:id/registrants), each a small
 * function over a Playwright page that acts as a coordinator would and waits for the page's
 * answer before returning, so that longer journeys can chain them.
 */

/** The registrants page's counts as shown: confirmed, waitlisted, cancelled (attended and absentees once started). */
export type ShownCounts = Partial<Record<'confirmed' | 'waitlisted' | 'cancelled' | 'attended' | 'absentees', number>>;

/** Waits until the page's list has loaded and no refresh is running. */
export async function registrantsSettled(page: Page): Promise<void> {
  await page.locator('.registrants-page[data-list="ready"]').waitFor();
}

/** Opens the registrants page of a webinar directly (signed in) and waits for its list. */
export async function openRegistrants(page: Page, baseUrl: string, webinarId: string, search = ''): Promise<void> {
  await page.goto(`${baseUrl}/admin/webinars/${webinarId}/registrants${search}`);
  await registrantsSettled(page);
}

/** From anywhere in the workspace: the Webinars page, then the registrants link of the webinar's row. */
export async function openRegistrantsFromWebinars(page: Page, webinarId: string): Promise<void> {
  await page.locator('.admin-nav a[href$="/webinars"]').click();
  await page.waitForURL((url) => url.pathname === '/admin/webinars');
  await page
    .locator(`[data-testid="webinar-row"][data-webinar-id="${webinarId}"]`)
    .getByTestId('webinar-registrants')
    .click();
  await page.waitForURL((url) => url.pathname === `/admin/webinars/${webinarId}/registrants`);
  await registrantsSettled(page);
}

/** The addresses of the rows the list shows now, in its order (after any refresh settled). */
export async function registrantEmails(page: Page): Promise<string[]> {
  await registrantsSettled(page);
  return page.getByTestId('registrant-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-email') ?? ''));
}

/** The row of one registrant, by address. */
export function registrantRow(page: Page, email: string): Locator {
  return page.locator(`[data-testid="registrant-row"][data-email="${email}"]`);
}

/** The counts shown now, and the seats line. */
export async function shownCounts(page: Page): Promise<{ counts: ShownCounts; seats: string }> {
  await registrantsSettled(page);
  const counts: ShownCounts = {};
  for (const key of ['confirmed', 'waitlisted', 'cancelled', 'attended', 'absentees'] as const) {
    const cell = page.getByTestId(`count-${key}`);
    if ((await cell.count()) > 0) counts[key] = Number(await cell.textContent());
  }
  return { counts, seats: (await page.getByTestId('registrant-seats').textContent()) ?? '' };
}

/** Waits until the counts shown include `expected` (an action's effect reaches them after a reload). */
export async function countsBecome(page: Page, expected: ShownCounts): Promise<void> {
  await page.waitForFunction((want: Record<string, number>) => {
    const doc = (
      globalThis as unknown as {
        document: { querySelector(s: string): { textContent: string | null } | null };
      }
    ).document;
    if (!doc.querySelector('.registrants-page[data-list="ready"]')) return false;
    return Object.entries(want).every(
      ([key, n]) => doc.querySelector(`[data-testid="count-${key}"]`)?.textContent === String(n),
    );
  }, expected);
}

/** Applies the search words and/or the status filter; returns the addresses then listed. */
export async function filterRegistrants(page: Page, filters: { q?: string; status?: string }): Promise<string[]> {
  const bar = page.getByTestId('registrant-filters');
  if (filters.q !== undefined) await bar.locator('[name="q"]').fill(filters.q);
  if (filters.status !== undefined) await bar.locator('[name="status"]').selectOption(filters.status);
  await Promise.all([
    page.waitForResponse((res) => new URL(res.url()).pathname.endsWith('/registrations')),
    bar.locator('button[type="submit"]').click(),
  ]);
  return registrantEmails(page);
}

/**
 * Imports an attendance report through the page's file input and returns the import's
 * report once shown: the result line and the unmatched lines with their reasons.
 */
export async function importAttendanceFile(
  page: Page,
  bytes: Buffer,
  name = 'attendance.csv',
): Promise<{ result: string; unmatched: { line: number; code: string }[] }> {
  const panel = page.getByTestId('attendance-import');
  await panel.getByTestId('attendance-file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  // The list reloads after the import: its answer comes after the import's.
  const reloaded = page.waitForResponse(
    (res) => res.request().method() === 'GET' && new URL(res.url()).pathname.endsWith('/registrations'),
  );
  reloaded.catch(() => undefined); // awaited below, once the report shows
  await panel.getByTestId('import-attendance').click();
  await panel.getByTestId('attendance-report').waitFor();
  await reloaded;
  const result = (await panel.getByTestId('attendance-result').textContent()) ?? '';
  const unmatched = await panel
    .getByTestId('unmatched-line')
    .evaluateAll((rows) =>
      rows.map((r) => ({ line: Number(r.getAttribute('data-line')), code: r.getAttribute('data-code') ?? '' })),
    );
  await registrantsSettled(page);
  return { result, unmatched };
}
