import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { reportBody } from '../factories.js';
import { startApertium, type Apertium } from '../support/apertium.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { ADMIN } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * A reviewer reads a report's translations beside its originals: machine ones (made by a real
 * apertium-apy this test starts) are labelled with the provider and, English→French, the pivot;
 * each text has its own show/hide original button; the reviewer corrects one and verifies it.
 */

const SPANISH = {
  barriers: 'Las personas migrantes no pueden acceder a la atención sanitaria sin documentos.',
  recommendations: 'Los gobiernos deben separar los servicios de salud del control migratorio.',
  source: '',
};

let apertium: Apertium;
const env: Record<string, string> = { TRANSLATION_PROVIDER: 'apertium', TRUST_PROXY: '1' };
beforeAll(async () => {
  apertium = await startApertium();
  env.APERTIUM_URL = apertium.url;
});
afterAll(async () => {
  await apertium?.stop();
});

describe('translations on the report page', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false, env });
  let host = 1;

  async function submit(overrides: Parameters<typeof reportBody>[0]): Promise<string> {
    const res = await suite.stack.request('/api/reports', {
      method: 'POST',
      json: reportBody(overrides),
      headers: { 'x-forwarded-for': `198.51.100.${host++}` },
    });
    expect(res.status).toBe(201);
    const [row] = await suite.stack.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .orderBy(sql`${tables.reports.number} desc`)
      .limit(1);
    return row!.id;
  }

  async function openReport(page: Page, id: string) {
    await page.goto(`${suite.stack.url}/admin/reports/${id}`);
    await page.getByTestId('translation-panel').getByTestId('translation-target').waitFor();
  }

  it('requests, labels, compares, corrects and verifies translations, and passes axe in English and Arabic', async () => {
    const misdeclared = await submit({ language: 'fr', ...SPANISH });
    const { page, pageErrors } = await suite.open();
    await signInToWorkspace(page, suite.stack.url, ADMIN);
    await openReport(page, misdeclared);
    const panel = page.getByTestId('translation-panel');

    await expect(panel.getByTestId('translation-provider').innerText()).resolves.toMatch(
      /on this server by Apertium; report text does not leave the deployment/,
    );
    await expect(panel.getByTestId('language-mismatch').innerText()).resolves.toMatch(
      /Declared French, reads as Spanish/,
    );

    // Into English (the workspace language), from Spanish, by the machine.
    await panel.getByTestId('request-machine-translation').click();
    const english = panel.getByTestId('translation-text-barriers');
    await english.waitFor({ timeout: 30_000 });
    await expect(english.innerText()).resolves.toMatch(/access/i);
    await expect(panel.getByTestId('translation-provenance-barriers').innerText()).resolves.toMatch(
      /Machine translation by Apertium.*Not verified/s,
    );
    await expect(panel.getByTestId('original-text-barriers').innerText()).resolves.toBe(SPANISH.barriers);

    // The original of one text can be hidden and shown again, without touching the others.
    const toggle = panel.getByTestId('toggle-original-barriers');
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(await panel.getByTestId('original-text-barriers').count()).toBe(0);
    expect(await panel.getByTestId('original-text-recommendations').count()).toBe(1);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await panel.getByTestId('original-text-barriers').count()).toBe(1);

    // The reviewer corrects the machine's English and vouches for it.
    await panel.getByTestId('edit-translation-barriers').click();
    const form = panel.getByTestId('translation-form-barriers');
    await form.locator('textarea').fill('Migrants cannot get health care without papers.');
    await form.getByLabel('I have checked this translation against the original').check();
    await form.getByTestId('save-translation-barriers').click();
    await panel
      .getByTestId('translation-provenance-barriers')
      .filter({ hasText: `Translated by ${ADMIN.email}` })
      .waitFor();
    await expect(panel.getByTestId('translation-provenance-barriers').innerText()).resolves.toMatch(
      new RegExp(`Verified by ${ADMIN.email.replace('.', '\\.')}`),
    );
    await expect(english.innerText()).resolves.toBe('Migrants cannot get health care without papers.');

    // A machine translation is verified as it stands.
    await panel.getByTestId('verify-translation-recommendations').click();
    await panel.getByTestId('translation-provenance-recommendations').filter({ hasText: 'Verified by' }).waitFor();
    expect(await severeViolations(page, 'report translations (en)')).toEqual([]);

    // English into French goes through Spanish, and says so.
    const english2 = await submit({
      language: 'en',
      barriers: 'Migrant workers cannot open a bank account without a residence permit.',
      recommendations: '',
      source: '',
    });
    await openReport(page, english2);
    await panel.getByTestId('translation-target').selectOption('fr');
    await panel.getByTestId('request-machine-translation').click();
    await panel.getByTestId('translation-provenance-barriers').waitFor({ timeout: 30_000 });
    await expect(panel.getByTestId('translation-provenance-barriers').innerText()).resolves.toMatch(
      /Machine translation by Apertium, through Spanish/,
    );
    expect(pageErrors).toEqual([]);

    const arabic = await suite.open({ locale: 'ar' });
    await signInToWorkspace(arabic.page, suite.stack.url, ADMIN, 'ar');
    await openReport(arabic.page, misdeclared);
    // The workspace language is the first choice; the English translation is one pick away.
    await arabic.page.getByTestId('translation-target').selectOption('en');
    await arabic.page.getByTestId('translation-text-barriers').waitFor();
    expect(await severeViolations(arabic.page, 'report translations (ar)')).toEqual([]);
    expect(arabic.pageErrors).toEqual([]);
  });
});
