import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { catalogs } from '@convene/shared';
import { openIdentity, unwrapReporterKey, type IdentityEnvelope, type NewReporterKey } from '@convene/shared/crypto';
import { tables } from '@convene/shared/db';
import { createLogger } from '@convene/shared/node';
import { desc, eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import type { Page } from 'playwright-core';
import { eventually } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { deviceHolds, readDevice } from '../support/device-dump.js';
import { insertReporterKey } from '../support/sealed-identity.js';
import { ADMIN } from '../support/stack.js';
import { dumpDatabase, dumpRedis, occurrences, type Dump } from '../support/store-dump.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * Issue 13, part 5, reporter side, in real Chromium: a named reporter's name, email and phone
 * are sealed in the browser to the coalition's public key before anything is saved or sent.
 * Afterwards the anonymity test's search (every table row, every Redis key and job payload of
 * the stack, every log line, the device's storage, and the requests themselves) finds none of
 * them in clear, and the stored envelope opens in Node, with the key's passphrase, to exactly
 * what was typed.
 */

const PASSPHRASE = 'a long passphrase only the key holders know';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ORGANIZATION = 'Réseau des femmes du Sahel';

type Contact = { name: string; email: string; phone: string };

/** A contact no other test types: found anywhere, it came from here. */
function uniqueContact(): Contact {
  const tag = randomBytes(4).toString('hex');
  const digits = String(parseInt(tag, 16)).padStart(10, '7').slice(0, 8);
  return {
    name: `Aïcha Traoré-${tag}`,
    email: `aicha.${tag}@example.org`,
    phone: `+227 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)}`,
  };
}

/** What must not appear in clear: each part as typed, and the phone's digits run together. */
const needlesOf = (c: Contact): Record<string, string> => ({
  name: c.name,
  email: c.email,
  phone: c.phone,
  'phone digits': c.phone.replace(/\D/g, ''),
});

describe('a named reporter’s contact details sealed in the browser', () => {
  const lines: string[] = [];
  const suite = useBrowserSuite({
    kind: 'pglite',
    smtp: false,
    logger: createLogger(
      'test',
      'debug',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    ),
    env: { LOG_LEVEL: 'debug' },
  });
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  afterAll(() => redis?.disconnect());

  /** Every report body the page sent, as it went on the wire. */
  async function openForm() {
    const opened = await suite.open();
    const sent: string[] = [];
    const requested: string[] = [];
    opened.page.on('request', (request) => {
      requested.push(new URL(request.url()).pathname);
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/reports') {
        sent.push(request.postData() ?? '');
      }
    });
    await opened.page.goto(`${suite.stack.url}/report?lang=en`);
    await opened.page.locator('form.report-form').waitFor();
    return { ...opened, sent, requested };
  }

  /** Everything of the report but its contact: named, with the organization, valid. */
  async function fillReport(page: Page, barriers: string) {
    const form = page.locator('form.report-form');
    await form.locator('#report-reporter-named').check();
    await form.locator('input[name="organization"]').fill(ORGANIZATION);
    await form.locator('select[name="region"]').selectOption('africa');
    await form.locator('input[role="combobox"]#report-countries').click();
    await form.locator('[role="option"][data-code="NE"]').click();
    await form.locator('input[name="themes"][value="cooperation-governance"]').check();
    await form.locator('textarea[name="barriers"]').fill(barriers);
    await form.locator('input[name="consent"][value="attributed"]').check();
    return form;
  }

  async function fillContact(page: Page, contact: Contact) {
    await page.locator('input[name="name"]').fill(contact.name);
    await page.locator('input[name="email"]').fill(contact.email);
    await page.locator('input[name="phone"]').fill(contact.phone);
  }

  /** Everything of the stack outside the browser: rows, Redis (its prefix and the rest), log lines. */
  async function dumpStack(): Promise<Dump[]> {
    return [
      ...(await dumpDatabase(suite.stack.db)),
      ...(await dumpRedis(redis, `${suite.stack.prefix}:*`)),
      ...(await dumpRedis(redis, '*')),
      ...lines.map((text, i) => ({ where: `log line ${i}`, text })),
    ];
  }

  async function receiptOf(page: Page): Promise<string> {
    const code = page.locator('[data-state="sent"] .receipt-code');
    await code.waitFor();
    return (await code.textContent()) ?? '';
  }

  async function reportRow(receiptCode: string) {
    const [row] = await suite.stack.db.select().from(tables.reports).where(eq(tables.reports.receiptCode, receiptCode));
    if (!row) throw new Error(`no report with receipt ${receiptCode}`);
    return row;
  }

  async function opened(key: NewReporterKey, envelope: IdentityEnvelope, clientSubmissionId: string) {
    const privateKey = await unwrapReporterKey(key.id, key.privateKey, PASSPHRASE);
    return openIdentity(envelope, privateKey, clientSubmissionId);
  }

  // First, while the deployment has no key yet.
  it('says contact details cannot be sent securely while no key exists, and sends the organization alone', async () => {
    const { page, pageErrors, sent, requested } = await openForm();
    // An anonymous reporter's page asks for neither the key nor the sealing code.
    await page.waitForLoadState('networkidle');
    const sealing = (paths: string[]) =>
      paths.filter((path) => path === '/api/reporter-key' || /\/assets\/sealed-contact-[^/]+\.js$/.test(path));
    expect(sealing(requested)).toEqual([]);
    const form = await fillReport(page, `No-key report ${Date.now()}: no access to legal aid in detention.`);
    const notice = page.getByTestId('contact-unavailable');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toBe(catalogs.en.report.who.contactNoKey);
    expect(
      sealing(requested).map((path) =>
        path.replace(/^\/assets\/sealed-contact-[\w-]+\.js$/, '/assets/sealed-contact.js'),
      ),
    ).toEqual(['/assets/sealed-contact.js', '/api/reporter-key']);
    await expect(page.locator('input[name="name"], input[name="email"], input[name="phone"]').count()).resolves.toBe(0);
    expect(await severeViolations(page, 'named report without a reporter key')).toEqual([]);

    await form.locator('button[type="submit"]').click();
    const row = await reportRow(await receiptOf(page));
    expect(row).toMatchObject({ anonymous: false, organization: ORGANIZATION, identityCiphertext: null });
    expect(sent.map((body) => (JSON.parse(body) as { reporter: unknown }).reporter)).toEqual([
      { kind: 'named', organization: ORGANIZATION, identity: null },
    ]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('leaves name, email and phone nowhere in clear, and the stored envelope opens to what was typed', async () => {
    const key = await insertReporterKey(suite.stack.db, PASSPHRASE);
    const contact = uniqueContact();
    const { page, pageErrors, sent } = await openForm();
    const form = await fillReport(page, `Named report ${Date.now()}: consular help refused to undocumented workers.`);
    await fillContact(page, contact);
    for (const field of ['name', 'email', 'phone']) {
      await expect(page.locator(`input[name="${field}"]`).getAttribute('autocomplete')).resolves.toBe('off');
    }
    await expect(page.getByText(catalogs.en.report.who.contactSealed).count()).resolves.toBe(1);
    // The draft is written as the reporter types: without the contact.
    await page.locator('.draft-saved').waitFor();
    const drafted = await readDevice(page);
    expect(deviceHolds(drafted, ORGANIZATION)).toBe(true);
    expect(occurrences(needlesOf(contact), [{ where: 'device (draft)', text: JSON.stringify(drafted) }])).toEqual([]);
    expect(await severeViolations(page, 'named report with sealed contact fields')).toEqual([]);

    await form.locator('button[type="submit"]').click();
    const receipt = await receiptOf(page);
    const row = await reportRow(receipt);
    expect(row.identityKeyId).toBe(key.id);
    const envelope = row.identityCiphertext as IdentityEnvelope;
    await expect(opened(key, envelope, row.clientSubmissionId)).resolves.toEqual(contact);

    // The wire: one body, the envelope only, bound to the id it was sent with.
    expect(sent).toHaveLength(1);
    const body = JSON.parse(sent[0]!) as { clientSubmissionId: string; reporter: Record<string, unknown> };
    expect(Object.keys(body.reporter).sort()).toEqual(['identity', 'kind', 'organization']);
    expect(body.clientSubmissionId).toBe(row.clientSubmissionId);

    const dumps = [
      ...(await dumpStack()),
      { where: 'the device', text: JSON.stringify(await readDevice(page)) },
      ...sent.map((text, i) => ({ where: `request body ${i}`, text })),
    ];
    // The search reads what it should: the organization, in clear by design, is in the report row.
    expect(occurrences({ organization: ORGANIZATION }, dumps).some((where) => where.includes('table reports'))).toBe(
      true,
    );
    expect(occurrences(needlesOf(contact), dumps)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('offline, seals to the key fetched earlier; the queued report holds only the envelope and arrives after a rotation', async () => {
    // The key the form will fetch (the newest); another replaces it while the report waits.
    const key = await insertReporterKey(suite.stack.db, PASSPHRASE);
    const contact = uniqueContact();
    const { context, page, pageErrors } = await openForm();
    const form = await fillReport(page, `Offline report ${Date.now()}: families separated at the border.`);
    // The key is fetched once online (and cached); the fields then come back with no network.
    await page.locator('input[name="name"]').waitFor();
    await form.locator('#report-reporter').check();
    await context.setOffline(true);
    await form.locator('#report-reporter-named').check();
    await form.locator('input[name="organization"]').fill(ORGANIZATION);
    await form.locator('input[name="consent"][value="attributed"]').check();
    await fillContact(page, contact);
    await form.locator('button[type="submit"]').click();
    await page.locator('[data-state="queued"]').waitFor();

    const queued = await readDevice(page);
    const item = queued.indexedDb.find((entry) => String(entry.key).startsWith('queued:'));
    const queuedBody = (
      item?.value as { body: { clientSubmissionId: string; reporter: { identity: IdentityEnvelope } } }
    ).body;
    expect(queuedBody.reporter.identity.kid).toBe(key.id);
    expect(occurrences(needlesOf(contact), [{ where: 'device (queued)', text: JSON.stringify(queued) }])).toEqual([]);

    // A new key meanwhile: the queued envelope, sealed to the old one, is still accepted.
    const keyB = await insertReporterKey(suite.stack.db, PASSPHRASE);
    await expect(suite.stack.request('/api/reporter-key').then((r) => r.json())).resolves.toMatchObject({
      key: { kid: keyB.id },
    });
    await context.setOffline(false);
    const receipt = await receiptOf(page);
    const row = await reportRow(receipt);
    expect(row.clientSubmissionId).toBe(queuedBody.clientSubmissionId);
    expect(row.identityKeyId).toBe(key.id);
    await expect(opened(key, row.identityCiphertext as IdentityEnvelope, row.clientSubmissionId)).resolves.toEqual(
      contact,
    );

    const device = await eventually(async () => {
      const dump = await readDevice(page);
      return dump.indexedDb.some((entry) => String(entry.key).startsWith('queued:')) ? null : dump;
    });
    const dumps = [...(await dumpStack()), { where: 'the device', text: JSON.stringify(device) }];
    expect(occurrences(needlesOf(contact), dumps)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('a report the server refused, reopened to correct, keeps its sealed contact and sends it under the same id', async () => {
    const key = await insertReporterKey(suite.stack.db, PASSPHRASE);
    const contact = uniqueContact();
    const { context, page, pageErrors } = await openForm();
    const form = await fillReport(page, `Refused report ${Date.now()}: no translation at the asylum office.`);
    await fillContact(page, contact);
    await context.setOffline(true);
    await form.locator('button[type="submit"]').click();
    await page.locator('[data-state="queued"]').waitFor();
    // While it waits, its theme is withdrawn: the server will refuse it as it is.
    const theme = eq(tables.themes.slug, 'cooperation-governance');
    await suite.stack.db.update(tables.themes).set({ active: false }).where(theme);
    try {
      await context.setOffline(false);
      const refused = page.locator('[data-state="rejected"]');
      await refused.waitFor();
      const device = await readDevice(page);
      const kept = device.indexedDb.find((entry) => String(entry.key).startsWith('rejected:'));
      const body = (kept?.value as { body: { clientSubmissionId: string; reporter: { identity: IdentityEnvelope } } })
        .body;
      expect(body.reporter.identity.kid).toBe(key.id);
      expect(occurrences(needlesOf(contact), [{ where: 'device (refused)', text: JSON.stringify(device) }])).toEqual(
        [],
      );

      await refused.getByRole('button', { name: catalogs.en.report.correct }).click();
      await page.locator('.contact-kept').waitFor();
      await expect(page.locator('input[name="name"]').inputValue()).resolves.toBe('');
      await form.locator('input[name="themes"][value="cooperation-governance"]').uncheck();
      await form.locator('input[name="themes"][value="irregular-migration-pathways"]').check();
      await form.locator('button[type="submit"]').click();
      const row = await reportRow(await receiptOf(page));
      expect(row.clientSubmissionId).toBe(body.clientSubmissionId);
      await expect(opened(key, row.identityCiphertext as IdentityEnvelope, row.clientSubmissionId)).resolves.toEqual(
        contact,
      );
    } finally {
      await suite.stack.db.update(tables.themes).set({ active: true }).where(theme);
    }
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('offline with no key fetched before, says contact details cannot be sent securely, and offers the fields once back online', async () => {
    await insertReporterKey(suite.stack.db, PASSPHRASE);
    const { context, page, pageErrors } = await openForm();
    await context.setOffline(true);
    await page.locator('#report-reporter-named').check();
    const notice = page.getByTestId('contact-unavailable');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toBe(catalogs.en.report.who.contactOffline);
    await expect(page.locator('input[name="name"]').count()).resolves.toBe(0);
    // The organization alone can still be written, and sent later.
    await expect(page.locator('input[name="organization"]').isEditable()).resolves.toBe(true);
    await context.setOffline(false);
    await page.locator('input[name="name"]').waitFor();
    await expect(notice.count()).resolves.toBe(0);
    expect(pageErrors.filter((error) => !/Failed to fetch dynamically imported module/.test(error))).toEqual([]);
  }, 120_000);
  // The whole path in the browser, as an operator runs it: the key is made in the workspace, the
  // reporter seals in the form, the stack holds no clear identity, and the admin reads it back.
  it('an admin makes the key in the workspace, a reporter seals to it in the form, and the admin unlocks it and reads them', async () => {
    const workspacePassphrase = `workspace passphrase ${randomBytes(4).toString('hex')}`;
    const admin = await suite.open();
    await signInToWorkspace(admin.page, suite.stack.url, ADMIN);
    await admin.page.goto(`${suite.stack.url}/admin/reporter-keys`);
    const keyForm = admin.page.getByTestId('new-key-form');
    await keyForm.getByLabel('Passphrase', { exact: true }).fill(workspacePassphrase);
    await keyForm.getByLabel('Repeat the passphrase').fill(workspacePassphrase);
    await keyForm.getByLabel(/I have written the passphrase down/).check();
    await keyForm.getByRole('button', { name: 'Make the key' }).click();
    await admin.page.getByTestId('new-key-done').waitFor();

    const contact = uniqueContact();
    const reporter = await openForm();
    const form = await fillReport(reporter.page, `Named report ${Date.now()}: detention without an interpreter.`);
    await fillContact(reporter.page, contact);
    await form.locator('button[type="submit"]').click();
    const row = await reportRow(await receiptOf(reporter.page));
    const [newest] = await suite.stack.db
      .select({ id: tables.reporterKeys.id })
      .from(tables.reporterKeys)
      .orderBy(desc(tables.reporterKeys.createdAt))
      .limit(1);
    expect(row.identityKeyId).toBe(newest!.id);

    await admin.page.goto(`${suite.stack.url}/admin/reports/${row.id}`);
    const panel = admin.page.getByTestId('identity-panel');
    await panel.getByRole('button', { name: 'Reveal identity' }).click();
    await panel.getByLabel('Passphrase of the reporter key').fill(workspacePassphrase);
    await panel.getByRole('button', { name: 'Open' }).click();
    await panel.getByTestId('identity-revealed').waitFor();
    await expect(panel.getByTestId('identity-name').innerText()).resolves.toBe(contact.name);
    await expect(panel.getByTestId('identity-email').innerText()).resolves.toBe(contact.email);
    await expect(panel.getByTestId('identity-phone').innerText()).resolves.toBe(contact.phone);

    // Revealed in the admin's tab only: rows (the audit log included), Redis and logs still hold none of it.
    expect(occurrences(needlesOf(contact), await dumpStack())).toEqual([]);
    expect(occurrences({ passphrase: workspacePassphrase }, await dumpStack())).toEqual([]);
    expect([...reporter.pageErrors, ...admin.pageErrors]).toEqual([]);
  }, 120_000);
});
