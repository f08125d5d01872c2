import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { and, eq, sql } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { eventually } from '../factories.js';
import { nextMailTo, tokenInMail } from '../support/account-mail.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { settle } from '../support/mail-helpers.js';
import { ADMIN, startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const PASSWORD = 'a long enough password 1';

describe.each(databaseKinds())('account mails over SMTP (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;

  beforeAll(async () => {
    stack = await startTestStack({ kind });
    admin = await signIn(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const invite = (email: string, language = 'en') =>
    stack.request('/api/admin/accounts/invitations', {
      method: 'POST',
      headers: admin.headers,
      json: { email, role: 'coordinator', language },
    });
  const invitationStatus = async (token: string) =>
    (await stack.request(`/api/auth/invitation/${encodeURIComponent(token)}`)).status;
  const accept = (token: string, password = PASSWORD) =>
    stack.request('/api/auth/invitation', { method: 'POST', json: { token, password } });
  const login = (email: string, password: string) =>
    stack.request('/api/auth/login', { method: 'POST', json: { email, password } });
  const askReset = (email: string) => stack.request('/api/auth/password-reset', { method: 'POST', json: { email } });
  const completeReset = (token: string, password: string) =>
    stack.request('/api/auth/password-reset/complete', { method: 'POST', json: { token, password } });
  const auditActions = async (targetId: string) =>
    (await stack.db.select().from(tables.auditLog).where(eq(tables.auditLog.targetId, targetId))).map((e) => e.action);

  /** An invited person who has set a password: signs in with `PASSWORD`. */
  async function activeAccount(email: string): Promise<string> {
    const seen = stack.sink!.messages.length;
    const res = await invite(email);
    const { account } = (await res.json()) as { account: { id: string } };
    expect((await accept(tokenInMail(await nextMailTo(stack.sink!, email, seen), 'invitation'))).status).toBe(204);
    return account.id;
  }

  it('mails the invitation in the chosen language; its link sets the password, then the person signs in', async () => {
    const email = 'amina@convene.test';
    const seen = stack.sink!.messages.length;
    const res = await invite(email, 'fr');
    expect(res.status).toBe(201);
    const created = (await res.json()) as { inviteUrl: string | null; account: { id: string; language: string } };
    // Mail goes out over SMTP: the admin is not shown the secret link.
    expect(created.inviteUrl).toBeNull();
    expect(created.account.language).toBe('fr');

    const mail = await nextMailTo(stack.sink!, email, seen);
    expect(mail.subject).toBe('Votre invitation à l’espace des coordinateurs Convene');
    expect(mail.html).toContain('lang="fr"');
    const token = tokenInMail(mail, 'invitation');
    expect(mail.text).toContain(`http://convene.test/admin/invitation/${token}`);

    // Once mailed, only the token's hash is kept.
    await eventually(async () => {
      const [row] = await stack.db
        .select()
        .from(tables.accountInvitations)
        .where(eq(tables.accountInvitations.accountId, created.account.id));
      return row && row.mailToken === null && row.tokenHash.length > 0;
    });
    const [notification] = await stack.db
      .select()
      .from(tables.notifications)
      .where(eq(tables.notifications.accountId, created.account.id));
    expect(notification).toMatchObject({ kind: 'account_invitation', status: 'sent', webinarId: null });

    expect(await invitationStatus(token)).toBe(200);
    expect((await accept(token)).status).toBe(204);
    expect((await login(email, PASSWORD)).status).toBe(200);
    expect((await accept(token, 'yet another password')).status).toBe(410);
  });

  it('resend mails a new link and the old one stops working', async () => {
    const email = 'bruno@convene.test';
    let seen = stack.sink!.messages.length;
    const { account } = (await (await invite(email)).json()) as { account: { id: string } };
    const oldToken = tokenInMail(await nextMailTo(stack.sink!, email, seen), 'invitation');

    seen = stack.sink!.messages.length;
    const resent = await stack.request(`/api/admin/accounts/${account.id}/invitation`, {
      method: 'POST',
      headers: admin.headers,
    });
    expect(resent.status).toBe(201);
    const newToken = tokenInMail(await nextMailTo(stack.sink!, email, seen), 'invitation');
    expect(newToken).not.toBe(oldToken);

    expect(await invitationStatus(oldToken)).toBe(410);
    expect((await accept(oldToken)).status).toBe(410);
    expect((await accept(newToken)).status).toBe(204);
    expect((await login(email, PASSWORD)).status).toBe(200);
    expect(await auditActions(account.id)).toContain('account.invitation_resend');
    // Active now: nothing left to resend.
    const again = await stack.request(`/api/admin/accounts/${account.id}/invitation`, {
      method: 'POST',
      headers: admin.headers,
    });
    expect(again.status).toBe(409);
  });

  it('revoke makes the mailed link fail, and the account is no longer listed as invited', async () => {
    const email = 'chen@convene.test';
    const seen = stack.sink!.messages.length;
    const { account } = (await (await invite(email)).json()) as { account: { id: string } };
    const token = tokenInMail(await nextMailTo(stack.sink!, email, seen), 'invitation');

    const revoked = await stack.request(`/api/admin/accounts/${account.id}/invitation`, {
      method: 'DELETE',
      headers: admin.headers,
    });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { account: { invited: boolean } }).account.invited).toBe(false);
    expect(await invitationStatus(token)).toBe(410);
    expect((await accept(token)).status).toBe(410);
    expect((await login(email, PASSWORD)).status).toBe(401);
    expect(await auditActions(account.id)).toContain('account.invitation_revoke');
    const twice = await stack.request(`/api/admin/accounts/${account.id}/invitation`, {
      method: 'DELETE',
      headers: admin.headers,
    });
    expect(twice.status).toBe(409);
  });

  it('does not send an invitation that was revoked before the worker took it', async () => {
    const email = 'dara@convene.test';
    // The worker is fast; pausing the queue lets the revoke come first, as with a busy outbox.
    await stack.running.ctx.mailQueue.queue.pause();
    try {
      const { account } = (await (await invite(email)).json()) as { account: { id: string } };
      const revoked = await stack.request(`/api/admin/accounts/${account.id}/invitation`, {
        method: 'DELETE',
        headers: admin.headers,
      });
      expect(revoked.status).toBe(200);
      await stack.running.ctx.mailQueue.queue.resume();
      const row = await eventually(async () => {
        const [n] = await stack.db
          .select()
          .from(tables.notifications)
          .where(eq(tables.notifications.accountId, account.id));
        return n && n.status !== 'pending' && n.status !== 'sending' ? n : null;
      });
      expect(row).toMatchObject({ status: 'cancelled', lastError: 'link_revoked' });
      await settle(stack.sink!.messages);
      expect(stack.sink!.messages.filter((m) => m.to && JSON.stringify(m.to).includes(email))).toEqual([]);
    } finally {
      await stack.running.ctx.mailQueue.queue.resume();
    }
  });

  it('forgot password: the mailed link sets a new password once, and ends the other sessions and sockets', async () => {
    const email = 'elif@convene.test';
    const accountId = await activeAccount(email);
    const other = await signIn(stack, email, PASSWORD);
    const socket: Socket = io(stack.url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: other.cookie },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    const closed = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));

    const seen = stack.sink!.messages.length;
    const asked = await askReset(email);
    expect(asked.status).toBe(202);
    const mail = await nextMailTo(stack.sink!, email, seen);
    expect(mail.subject).toBe('Reset your Convene password');
    const token = tokenInMail(mail, 'reset');
    expect((await stack.request(`/api/auth/password-reset/${token}`)).status).toBe(200);

    const tooShort = await completeReset(token, 'short');
    expect(tooShort.status).toBe(400);
    const newPassword = 'a brand new password 2';
    expect((await completeReset(token, newPassword)).status).toBe(204);

    expect((await login(email, PASSWORD)).status).toBe(401);
    expect((await login(email, newPassword)).status).toBe(200);
    expect((await completeReset(token, 'a third password here')).status).toBe(410);
    expect((await stack.request(`/api/auth/password-reset/${token}`)).status).toBe(410);

    // The session signed in before the reset is signed out, and its live connection closed.
    expect((await stack.request('/api/admin/overview', { headers: { cookie: other.cookie } })).status).toBe(401);
    expect((await stack.request('/api/auth/me', { headers: { cookie: other.cookie } })).status).toBe(401);
    expect(await closed).toBe('io server disconnect');
    socket.close();

    const [reset] = await stack.db
      .select()
      .from(tables.passwordResets)
      .where(eq(tables.passwordResets.accountId, accountId));
    expect(reset!.mailToken).toBeNull();
    expect(await auditActions(accountId)).toContain('account.password_reset');
  });

  it('an expired reset link does not work', async () => {
    const email = 'farid@convene.test';
    const accountId = await activeAccount(email);
    const seen = stack.sink!.messages.length;
    await askReset(email);
    const token = tokenInMail(await nextMailTo(stack.sink!, email, seen), 'reset');
    await stack.db
      .update(tables.passwordResets)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(tables.passwordResets.accountId, accountId));
    expect((await completeReset(token, 'a brand new password 3')).status).toBe(410);
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it('answers an unknown or inactive address exactly like a known one, and sends nothing', async () => {
    const known = 'gita@convene.test';
    await activeAccount(known);
    // An invited, not yet active account gets no reset mail either.
    await invite('hana@convene.test');
    await settle(stack.sink!.messages);

    const answers: { status: number; body: string; ms: number }[] = [];
    for (const email of [known, 'nobody@convene.test', 'hana@convene.test']) {
      const started = Date.now();
      const res = await askReset(email);
      answers.push({ status: res.status, body: await res.text(), ms: Date.now() - started });
    }
    expect(answers.map((a) => [a.status, a.body])).toEqual([
      [202, '{"accepted":true}'],
      [202, '{"accepted":true}'],
      [202, '{"accepted":true}'],
    ]);
    // Roughly the same time: every answer waits for the same floor.
    for (const a of answers) expect(a.ms).toBeGreaterThanOrEqual(390);

    const seen = stack.sink!.messages.length;
    await settle(stack.sink!.messages, 1500);
    const resetMails = stack.sink!.messages.filter((m) => m.subject === 'Reset your Convene password');
    expect(resetMails.slice(-1).map((m) => JSON.stringify(m.to))).toEqual([expect.stringContaining(known)]);
    expect(stack.sink!.messages.slice(seen).filter((m) => !JSON.stringify(m.to).includes(known))).toEqual([]);
    const rows = await stack.db
      .select({ email: tables.coordinatorAccounts.email })
      .from(tables.notifications)
      .innerJoin(tables.coordinatorAccounts, eq(tables.coordinatorAccounts.id, tables.notifications.accountId))
      .where(and(eq(tables.notifications.kind, 'password_reset')));
    expect(rows.map((r) => r.email)).not.toContain('hana@convene.test');
    expect(rows.filter((r) => r.email === known)).toHaveLength(1);
  });

  it('rate-limits reset requests per address, known or not', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await askReset('limited@convene.test')).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });

  it('change password: a wrong current one is a field error; the right one changes it and ends the other sessions', async () => {
    const email = 'ines@convene.test';
    await activeAccount(email);
    const mine = await signIn(stack, email, PASSWORD);
    const other = await signIn(stack, email, PASSWORD);
    const change = (currentPassword: string, newPassword: string) =>
      stack.request('/api/admin/account/password', {
        method: 'POST',
        headers: mine.headers,
        json: { currentPassword, newPassword },
      });

    const wrong = await change('not my password', 'a changed password 4');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { fields: { currentPassword: { code: 'wrong_password' } } } });
    const short = await change(PASSWORD, 'short');
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ error: { fields: { newPassword: { code: 'password_too_short' } } } });

    expect((await change(PASSWORD, 'a changed password 4')).status).toBe(204);
    expect((await login(email, PASSWORD)).status).toBe(401);
    expect((await login(email, 'a changed password 4')).status).toBe(200);
    // This session goes on; the other one is signed out.
    expect((await stack.request('/api/admin/overview', { headers: { cookie: mine.cookie } })).status).toBe(200);
    expect((await stack.request('/api/admin/overview', { headers: { cookie: other.cookie } })).status).toBe(401);
  });

  it('the admin of the stack is still the one signed in (no reset touched it)', async () => {
    expect((await login(ADMIN.email, ADMIN.password)).status).toBe(200);
  });
});
