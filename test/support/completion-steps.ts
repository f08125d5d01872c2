import type { Page } from 'playwright-core';

/*
 * Steps of completing a webinar from its edit page in the workspace (signed in): open the
 * page, read its attendance summary, open the in-page confirmation and read its follow-up
 * counts, then keep the webinar open or confirm. Each waits for the page's answer.
 */

/** The counts the attendance summary shows, by name (confirmed, waitlisted, attended, absent, follow-ups-…). */
export type AttendanceCounts = Record<string, number>;

/** Opens /admin/webinars/:id (in `lang` if given) and waits for its attendance summary. */
export async function openWebinarEditPage(
  page: Page,
  baseUrl: string,
  webinarId: string,
  lang?: 'en' | 'fr' | 'es' | 'ar',
): Promise<void> {
  await page.goto(`${baseUrl}/admin/webinars/${webinarId}${lang ? `?lang=${lang}` : ''}`);
  await page.getByTestId('webinar-status').waitFor();
  await attendanceSummary(page);
}

/** The attendance summary's counts, once loaded and not refreshing. */
export async function attendanceSummary(page: Page): Promise<AttendanceCounts> {
  const summary = page.getByTestId('attendance-summary');
  await summary.locator('dl:not([aria-busy])').waitFor();
  const entries = await summary
    .locator('dd[data-testid^="attendance-"]')
    .evaluateAll((cells) => cells.map((c) => [c.getAttribute('data-testid') ?? '', c.textContent ?? '']));
  return Object.fromEntries(entries.map(([id, text]) => [id!.replace(/^attendance-/, ''), Number(text)]));
}

/**
 * Presses "Complete the webinar…" and waits for the confirmation's counts (fresh ones: the
 * page counts again). Returns the two lines it shows, attendees' follow-up then absentees'.
 */
export async function openCompletion(page: Page): Promise<{ attendees: string; absentees: string }> {
  await Promise.all([
    page.waitForResponse((res) => /^\/api\/admin\/webinars\/[^/]+\/registrations$/.test(new URL(res.url()).pathname)),
    page.getByTestId('complete-webinar').click(),
  ]);
  const confirmation = page.getByTestId('complete-confirmation');
  await confirmation.locator('ul:not([aria-busy])').waitFor();
  await confirmation.locator('[data-testid="confirm-complete-webinar"]:enabled').waitFor();
  return {
    attendees: (await confirmation.getByTestId('complete-attendees').textContent()) ?? '',
    absentees: (await confirmation.getByTestId('complete-absentees').textContent()) ?? '',
  };
}

/** Leaves the confirmation without completing ("Not yet"); the Complete button is back. */
export async function keepWebinarOpen(page: Page): Promise<void> {
  await page.getByTestId('keep-webinar-open').click();
  await page.getByTestId('complete-confirmation').waitFor({ state: 'detached' });
  await page.getByTestId('complete-webinar').waitFor();
}

/**
 * Confirms the completion (with a recording link if given) and waits until the page shows
 * the webinar completed, its completion panel gone and the follow-ups in the summary.
 */
export async function confirmCompletion(page: Page, recordingUrl?: string): Promise<AttendanceCounts> {
  const confirmation = page.getByTestId('complete-confirmation');
  if (recordingUrl !== undefined) await confirmation.locator('input[name="recordingUrl"]').fill(recordingUrl);
  await confirmation.getByTestId('confirm-complete-webinar').click();
  await page.locator('[data-testid="webinar-status"].webinar-completed').waitFor();
  await page.getByTestId('complete-panel').waitFor({ state: 'detached' });
  await page.getByTestId('attendance-follow-ups-attendees').waitFor();
  return attendanceSummary(page);
}

/** Completes a webinar from its edit page, the whole way: open the page, open the confirmation, confirm. */
export async function completeFromPage(
  page: Page,
  baseUrl: string,
  webinarId: string,
  recordingUrl?: string,
): Promise<{ confirmation: { attendees: string; absentees: string }; summary: AttendanceCounts }> {
  await openWebinarEditPage(page, baseUrl, webinarId);
  const confirmation = await openCompletion(page);
  const summary = await confirmCompletion(page, recordingUrl);
  return { confirmation, summary };
}
