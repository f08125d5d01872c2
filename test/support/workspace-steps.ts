import type { Locator, Page } from 'playwright-core';

// Where the journeys import it from; it lives with the other accessibility settings.
export { severeViolations } from './accessibility.js';

/*
 * Steps of a coordinator's work in the workspace, each a small function over a Playwright
 * page, so that a longer journey test can chain them. They act as a reader would (labels,
 * buttons, test ids of the pages) and wait for the page's answer before returning.
 */

/** Signs in at /admin and waits for the overview. `lang` picks the workspace language. */
export async function signInToWorkspace(
  page: Page,
  baseUrl: string,
  account: { email: string; password: string },
  lang?: 'en' | 'fr' | 'es' | 'ar',
): Promise<void> {
  await page.goto(`${baseUrl}/admin${lang ? `?lang=${lang}` : ''}`);
  const form = page.getByTestId('sign-in-form');
  await form.locator('input[name="email"]').fill(account.email);
  await form.locator('input[name="password"]').fill(account.password);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/admin/overview');
}

/** Opens the Contacts page (signed in) and waits for its list to load. */
export async function openContacts(page: Page, baseUrl: string, search = ''): Promise<void> {
  await page.goto(`${baseUrl}/admin/contacts${search}`);
  await page.getByTestId('contact-import').waitFor();
  await page.locator('[data-testid="contact-count"]:not(:empty)').waitFor();
}

/**
 * Imports a CSV through the file input of the Contacts page and returns its report (the
 * counts line and the lines left out) once shown.
 */
export async function importContactsFile(
  page: Page,
  csv: string,
  name = 'contacts.csv',
): Promise<{ counts: string; rejectedLines: number[]; report: Locator }> {
  await page
    .getByTestId('contact-file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByTestId('import-contacts').click();
  const report = page.getByTestId('import-report');
  await report.waitFor();
  const counts = (await page.getByTestId('import-counts').textContent()) ?? '';
  const lines = await page
    .getByTestId('rejected-line')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line')));
  return { counts, rejectedLines: lines.map(Number), report };
}

/** Applies the Contacts filters (by control name: q, region, country, language, tag, organization, status). */
export async function filterContacts(page: Page, filters: Record<string, string>): Promise<string[]> {
  const bar = page.getByTestId('contact-filters');
  for (const [name, value] of Object.entries(filters)) {
    const control = bar.locator(`[name="${name}"]`);
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
  await Promise.all([
    page.waitForResponse((res) => new URL(res.url()).pathname === '/api/admin/contacts'),
    bar.locator('button[type="submit"]').click(),
  ]);
  return contactEmails(page);
}

/** The addresses the contacts list shows now (after any refresh settled). */
export async function contactEmails(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    // Serialized into the page, which has a DOM (this project's Node types do not).
    const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } })
      .document;
    return (
      !doc.querySelector('[data-testid="contacts-table"][aria-busy="true"]') &&
      doc.querySelector('[data-testid="contact-count"]')?.textContent !== ''
    );
  });
  return page.locator('[data-testid="contact-row"] th').allTextContents();
}

/**
 * Sends an invitation campaign from /admin/campaigns/new for a webinar and a segment of
 * languages and regions, after its preview, and waits on the campaigns list until the new
 * campaign (the first row: newest first) is done. Returns the preview and the progress texts.
 */
export async function sendCampaignFromWorkspace(
  page: Page,
  baseUrl: string,
  webinarId: string,
  segment: { languages?: string[]; regions?: string[] } = {},
  /** Runs with the preview shown, before sending (an accessibility check of the page, say). */
  atPreview?: () => Promise<void>,
): Promise<{ preview: string; progress: string; skipped: string | null }> {
  await page.goto(`${baseUrl}/admin/campaigns/new`);
  await page.locator(`#campaign-webinar option[value="${webinarId}"]`).waitFor({ state: 'attached' });
  await page.locator('#campaign-webinar').selectOption(webinarId);
  for (const language of segment.languages ?? []) await page.locator(`#seg-language-${language}`).check();
  for (const region of segment.regions ?? []) await page.locator(`#seg-region-${region}`).check();
  await page.getByTestId('preview-campaign').click();
  const preview = page.getByTestId('campaign-preview');
  await preview.waitFor();
  const previewText = (await preview.textContent()) ?? '';
  await atPreview?.();
  await page.getByTestId('send-campaign').click();
  await page.waitForURL((url) => url.pathname === '/admin/campaigns');
  const row = page.getByTestId('campaign-row').first();
  const progress = row.locator('[data-testid="campaign-progress"][data-done="true"]');
  await progress.waitFor({ timeout: 30_000 });
  const skipped = row.getByTestId('campaign-skipped');
  return {
    preview: previewText,
    progress: (await progress.locator('p').first().textContent()) ?? '',
    skipped: (await skipped.count()) > 0 ? await skipped.textContent() : null,
  };
}

/**
 * Schedules a webinar from the Webinars page's "new webinar" form (English title and
 * description; the start typed in the form's default zone, the browser's) and returns its id
 * once the page has moved on to the new webinar's edit page. `atForm` runs with the form filled.
 */
export async function createWebinarFromWorkspace(
  page: Page,
  webinar: {
    themeSlug: string;
    title: string;
    description: string;
    date: string;
    time: string;
    capacity?: number;
    joinUrl: string;
  },
  atForm?: () => Promise<void>,
): Promise<string> {
  await page.locator('.admin-nav a[href$="/webinars"]').click();
  await page.waitForURL((url) => url.pathname === '/admin/webinars');
  await page.getByTestId('new-webinar').click();
  const form = page.getByTestId('webinar-form');
  await form.locator(`select[name="themeSlug"] option[value="${webinar.themeSlug}"]`).waitFor({ state: 'attached' });
  await form.locator('select[name="themeSlug"]').selectOption(webinar.themeSlug);
  await form.locator('input[name="title-en"]').fill(webinar.title);
  await form.locator('textarea[name="description-en"]').fill(webinar.description);
  await form.locator('input[name="date"]').fill(webinar.date);
  await form.locator('input[name="time"]').fill(webinar.time);
  if (webinar.capacity !== undefined) await form.locator('input[name="capacity"]').fill(String(webinar.capacity));
  await form.locator('input[name="joinUrl"]').fill(webinar.joinUrl);
  await atForm?.();
  await page.getByTestId('save-webinar').click();
  await page.waitForURL((url) => /^\/admin\/webinars\/[0-9a-f-]{36}$/.test(url.pathname));
  return new URL(page.url()).pathname.split('/').pop()!;
}
