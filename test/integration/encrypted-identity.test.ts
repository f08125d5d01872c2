import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ZIdentityReveal, ZPublicReporterKey, ZReporterKeyList, type TAdminReport } from '@convene/shared';
import { openIdentity, sealIdentity, unwrapReporterKey } from '@convene/shared/crypto';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { reportBody } from '../factories.js';
import { unmailedInvitationToken } from '../support/account-mail.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { insertReporterKey, sealedReporter } from '../support/sealed-identity.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';
import { createReporterKey } from '@convene/shared/crypto';

const PASSWORD = 'a long enough password';

/**
 * Named reporters' identity, sealed in the browser: the API stores the envelope and nothing
 * in clear, refuses what it could not keep sealed, and hands the envelope only to an admin,
 * audited; rotation keeps old reports readable with the old key.
 */
describe.each(databaseKinds())('encrypted identity of named reporters (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  let coordinator: CoordinatorSession;
  const as =
    (session: CoordinatorSession) =>
    (path: string, init: RequestInit & { json?: unknown } = {}) =>
      stack.request(path, { ...init, headers: { ...session.headers, ...(init.headers as object) } });
  const post = (json: unknown) => stack.request('/api/reports', { method: 'POST', json });
  const reportCount = async () => (await stack.db.select({ id: tables.reports.id }).from(tables.reports)).length;
  const reportIdOf = async (clientSubmissionId: string) =>
    (
      await stack.db
        .select({ id: tables.reports.id })
        .from(tables.reports)
        .where(eq(tables.reports.clientSubmissionId, clientSubmissionId))
    )[0]!.id;

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, smtp: false, env: { REPORT_RATE_LIMIT: '10000' } });
    admin = await signIn(stack);
    const email = `keys.${randomBytes(4).toString('hex')}@convene.test`;
    const invited = await as(admin)('/api/admin/accounts/invitations', {
      method: 'POST',
      json: { email, role: 'coordinator', regionScope: null, themeScope: null },
    });
    expect(invited.status).toBe(201);
    const { account } = (await invited.json()) as { account: { id: string } };
    const token = await unmailedInvitationToken(stack.db, account.id);
    expect(
      (await stack.request('/api/auth/invitation', { method: 'POST', json: { token, password: PASSWORD } })).status,
    ).toBe(204);
    coordinator = await signIn(stack, email, PASSWORD);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('serves no key until an admin adds one, then the newest; coordinators cannot add or list keys', async () => {
    const before = ZPublicReporterKey.parse(await (await stack.request('/api/reporter-key')).json());
    expect(before.key).toBeNull();

    const made = await createReporterKey(randomUUID(), 'first passphrase of the coalition');
    expect((await as(coordinator)('/api/admin/reporter-keys', { method: 'POST', json: made })).status).toBe(403);
    expect((await as(coordinator)('/api/admin/reporter-keys')).status).toBe(403);
    const weak = { ...made, privateKey: { ...made.privateKey, iterations: 1000 } };
    const refused = await as(admin)('/api/admin/reporter-keys', { method: 'POST', json: weak });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { fields: object } }).error.fields).toHaveProperty([
      'privateKey.iterations',
    ]);

    const created = await as(admin)('/api/admin/reporter-keys', { method: 'POST', json: made });
    expect(created.status).toBe(201);
    const list = ZReporterKeyList.parse(await created.json());
    expect(list.keys[0]).toMatchObject({ id: made.id, retiredAt: null });
    expect(JSON.stringify(list)).not.toContain(made.privateKey.wrapped);
    const after = ZPublicReporterKey.parse(await (await stack.request('/api/reporter-key')).json());
    expect(after.key).toEqual({ kid: made.id, publicKey: made.publicKey });
  });

  it('stores a named report with its identity sealed only, and refuses a clear name or email', async () => {
    const key = await insertReporterKey(stack.db);
    const clientSubmissionId = randomUUID();
    const identity = { name: 'Fatou Ndiaye', email: 'fatou@example.org', phone: '+221 70 000 11 22' };
    const body = reportBody({
      clientSubmissionId,
      reporter: await sealedReporter(key, clientSubmissionId, 'Réseau Migrants', identity),
      consent: 'attributed',
    });
    expect((await post(body)).status).toBe(201);
    const [row] = await stack.db
      .select()
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, clientSubmissionId));
    expect(row).toMatchObject({
      organization: 'Réseau Migrants',
      contactName: null,
      contactEmail: null,
      identityKeyId: key.id,
    });
    const stored = JSON.stringify(row);
    for (const clear of Object.values(identity)) expect(stored).not.toContain(clear);

    const count = await reportCount();
    const clear = await post(
      reportBody({
        reporter: { kind: 'named', organization: 'Org', name: 'Fatou', email: 'fatou@example.org' } as never,
      }),
    );
    expect(clear.status).toBe(400);
    const { error } = (await clear.json()) as { error: { code: string; fields: object } };
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toHaveProperty(['reporter.name']);
    expect(error.fields).toHaveProperty(['reporter.email']);
    expect(await reportCount()).toBe(count);
  });

  it('erases the sealed identity with the report when the reporter withdraws it', async () => {
    const key = await insertReporterKey(stack.db);
    const clientSubmissionId = randomUUID();
    const identity = { name: 'Amara Sesay', email: 'amara@example.org', phone: '+232 76 000 000' };
    const submitted = await post(
      reportBody({
        clientSubmissionId,
        reporter: await sealedReporter(key, clientSubmissionId, 'Salone Link', identity),
        consent: 'attributed',
      }),
    );
    expect(submitted.status).toBe(201);
    const { receipt } = (await submitted.json()) as { receipt: { receiptCode: string } };
    const withdrawn = await stack.request(`/api/reports/receipt/${receipt.receiptCode}/withdraw`, {
      method: 'POST',
      json: { confirm: true },
    });
    expect(withdrawn.status).toBe(200);
    const [row] = await stack.db
      .select()
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, clientSubmissionId));
    expect(row).toMatchObject({ identityCiphertext: null, identityKeyId: null, organization: null });
    expect(row!.withdrawnAt).not.toBeNull();
  });

  it('returns 400 with a field error for a malformed or oversized envelope, or one sealed to an unknown key', async () => {
    const key = await insertReporterKey(stack.db);
    const clientSubmissionId = randomUUID();
    const good = (await sealedReporter(key, clientSubmissionId, 'Org', { name: 'Someone' })).identity;
    const count = await reportCount();
    const variants: unknown[] = [
      { ...good, v: 2 },
      { ...good, ct: 'not base64url!' },
      { ...good, ct: 'A'.repeat(5000) },
      { ...good, epk: { ...good.epk, crv: 'P-384' } },
      { ...good, extra: 'field' },
      'a string',
    ];
    for (const identity of variants) {
      const res = await post(
        reportBody({
          clientSubmissionId: randomUUID(),
          reporter: { kind: 'named', organization: 'Org', identity } as never,
        }),
      );
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; fields: Record<string, { code: string }> } };
      expect(error.code).toBe('validation_failed');
      expect(Object.keys(error.fields).some((f) => f.startsWith('reporter.identity'))).toBe(true);
    }
    const stranger = await sealIdentity(
      { name: 'x', email: '', phone: '' },
      { kid: randomUUID(), publicKey: key.publicKey },
      clientSubmissionId,
    );
    const unknown = await post(
      reportBody({ clientSubmissionId, reporter: { kind: 'named', organization: 'Org', identity: stranger } }),
    );
    expect(unknown.status).toBe(400);
    const { error } = (await unknown.json()) as { error: { fields: Record<string, { code: string }> } };
    expect(error.fields['reporter.identity']?.code).toBe('unknown_identity_key');
    expect(await reportCount()).toBe(count);
  });

  it('hands the envelope to admins only, audited; it opens with the passphrase, and an old key still opens old reports after rotation', async () => {
    const oldKey = await createReporterKey(randomUUID(), 'old passphrase of the coalition');
    expect((await as(admin)('/api/admin/reporter-keys', { method: 'POST', json: oldKey })).status).toBe(201);
    const oldSubmission = randomUUID();
    const identity = { name: 'Omar Haddad', email: 'omar@example.org', phone: '+961 3 123 456' };
    const oldBody = reportBody({
      clientSubmissionId: oldSubmission,
      reporter: await sealedReporter(oldKey, oldSubmission, 'Beirut Network', identity),
      consent: 'attributed',
    });
    expect((await post(oldBody)).status).toBe(201);
    const oldReport = await reportIdOf(oldSubmission);

    // The workspace's report says there is a sealed identity, without its ciphertext.
    const view = (await (await as(coordinator)(`/api/admin/reports/${oldReport}`)).json()) as { report: TAdminReport };
    expect(view.report.sealedIdentity).toBe(true);
    expect(JSON.stringify(view)).not.toContain(oldBody.reporter.kind === 'named' ? oldBody.reporter.identity!.ct : '-');
    expect((await as(coordinator)(`/api/admin/reports/${oldReport}/identity`, { method: 'POST' })).status).toBe(403);

    // Rotation: a new active key; the old one retired, kept.
    const newKey = await createReporterKey(randomUUID(), 'new passphrase of the coalition');
    const rotated = await as(admin)('/api/admin/reporter-keys', { method: 'POST', json: newKey });
    const keys = ZReporterKeyList.parse(await rotated.json()).keys;
    expect(keys.find((k) => k.id === oldKey.id)?.retiredAt).not.toBeNull();
    expect(keys.find((k) => k.id === newKey.id)?.retiredAt).toBeNull();
    expect(keys.filter((k) => k.retiredAt === null)).toHaveLength(1);

    const revealed = await as(admin)(`/api/admin/reports/${oldReport}/identity`, { method: 'POST' });
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get('cache-control')).toBe('no-store');
    const reveal = ZIdentityReveal.parse(await revealed.json());
    expect(reveal.key.id).toBe(oldKey.id);
    await expect(
      unwrapReporterKey(reveal.key.id, reveal.key.privateKey, 'new passphrase of the coalition'),
    ).rejects.toThrow();
    const privateKey = await unwrapReporterKey(reveal.key.id, reveal.key.privateKey, 'old passphrase of the coalition');
    expect(await openIdentity(reveal.envelope, privateKey, reveal.clientSubmissionId)).toEqual(identity);

    const audit = await stack.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.action, 'report.identity_reveal'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetType: 'report', targetId: oldReport, details: { keyId: oldKey.id } });
    expect(JSON.stringify(audit)).not.toMatch(/Omar|omar@example\.org|961/);

    // A report with no sealed identity has nothing to reveal.
    const anonymous = reportBody({ clientSubmissionId: randomUUID() });
    expect((await post(anonymous)).status).toBe(201);
    const none = await as(admin)(`/api/admin/reports/${await reportIdOf(anonymous.clientSubmissionId)}/identity`, {
      method: 'POST',
    });
    expect(none.status).toBe(404);
  });
});
