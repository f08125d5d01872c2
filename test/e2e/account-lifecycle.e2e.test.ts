import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { nextMailTo, tokenInMail } from '../support/account-mail.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { ADMIN } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * The account lifecycle in real Chromium, with mail over real SMTP: an admin's invitation is
 * mailed, resent (the old link fails) and withdrawn (the new one fails too); "forgot password"
 * mails a link whose page sets a new password, with which the person signs in; a signed-in
 * coordinator changes their password. The new pages pass axe in English and Arabic.
 */

const PERSON = { email: 'samir.coordinator@convene.test', password: 'the first long passphrase' };

describe('account lifecycle in the workspace', () => {
  const suite = useBrowserSuite({ kind: 'pglite' });
  const sink = () => suite.stack.sink!;
  /** A mailed link, opened against this stack (the mails carry the configured PUBLIC_URL). */
  const local = (kind: 'invitation' | 'reset', token: string) => `${suite.stack.url}/admin/${kind}/${token}`;

  async function expectAccessible(page: Page, when: string) {
    expect(await severeViolations(page, when)).toEqual([]);
  }

  async function signIn(page: Page, email: string, password: string) {
    await signInToWorkspace(page, suite.stack.url, { email, password });
  }

  const row = (page: Page, email: string) => page.locator(`[data-testid="account-row"][data-email="${email}"]`);

  it('mails an invitation in the chosen language; resend voids the old link, withdraw voids the new one', async () => {
    const { page, pageErrors } = await suite.open();
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${suite.stack.url}/admin/accounts`);
    const invite = page.getByTestId('invite-form');
    await invite.waitFor();
    await invite.locator('input[name="email"]').fill('luis@convene.test');
    await invite.locator('select[name="language"]').selectOption('es');
    let seen = sink().messages.length;
    await invite.locator('button[type="submit"]').click();
    await expect(page.getByTestId('invite-mailed').textContent()).resolves.toContain('luis@convene.test');
    // Mailed: the page shows no link.
    expect(await page.getByTestId('invite-url').count()).toBe(0);
    const first = await nextMailTo(sink(), 'luis@convene.test', seen);
    expect(first.subject).toBe('Su invitación al espacio de coordinación de Convene');
    const firstToken = tokenInMail(first, 'invitation');
    await expectAccessible(page, 'accounts with invitation actions');

    seen = sink().messages.length;
    await row(page, 'luis@convene.test').getByTestId('invitation-resend').click();
    // The live region is there before its message: wait for the text itself.
    await page
      .locator('.accounts-page > p[role="status"]')
      .filter({ hasText: 'previous link no longer works' })
      .waitFor();
    const secondToken = tokenInMail(await nextMailTo(sink(), 'luis@convene.test', seen), 'invitation');
    expect(secondToken).not.toBe(firstToken);

    const invitee = await suite.open();
    await invitee.page.goto(local('invitation', firstToken));
    await invitee.page.getByTestId('invitation-invalid').waitFor();
    await invitee.page.goto(local('invitation', secondToken));
    await invitee.page.getByTestId('invitation-form').waitFor();

    await row(page, 'luis@convene.test').getByTestId('invitation-revoke').click();
    await row(page, 'luis@convene.test').getByTestId('account-status').filter({ hasText: 'Deactivated' }).waitFor();
    expect(await row(page, 'luis@convene.test').getByTestId('invitation-revoke').count()).toBe(0);
    await invitee.page.reload();
    await invitee.page.getByTestId('invitation-invalid').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('forgot password → mailed link → reset page → signs in with the new password (axe in English and Arabic)', async () => {
    // An active account, made through the invitation mail.
    let seen = sink().messages.length;
    const admin = await suite.open();
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    await admin.page.goto(`${suite.stack.url}/admin/accounts`);
    const invite = admin.page.getByTestId('invite-form');
    await invite.locator('input[name="email"]').fill(PERSON.email);
    await invite.locator('button[type="submit"]').click();
    await admin.page.getByTestId('invite-mailed').waitFor();
    const invitation = tokenInMail(await nextMailTo(sink(), PERSON.email, seen), 'invitation');
    const accepted = await suite.stack.request('/api/auth/invitation', {
      method: 'POST',
      json: { token: invitation, password: PERSON.password },
    });
    expect(accepted.status).toBe(204);

    const { page, pageErrors } = await suite.open();
    await page.goto(`${suite.stack.url}/admin`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/forgot');
    const form = page.getByTestId('forgot-form');
    await expectAccessible(page, 'forgot password');
    await form.locator('button[type="submit"]').click();
    await page.locator('.error-summary').waitFor();
    await expectAccessible(page, 'forgot password with an error');
    seen = sink().messages.length;
    await form.locator('input[name="email"]').fill(PERSON.email);
    await form.locator('button[type="submit"]').click();
    await expect(page.getByTestId('forgot-sent').textContent()).resolves.toContain(PERSON.email);
    const token = tokenInMail(await nextMailTo(sink(), PERSON.email, seen), 'reset');

    await page.goto(local('reset', token));
    const reset = page.getByTestId('reset-form');
    await reset.waitFor();
    await expectAccessible(page, 'reset password');
    await reset.locator('input[name="password"]').fill('a new long passphrase');
    await reset.locator('input[name="confirm"]').fill('not the same one at all');
    await reset.locator('button[type="submit"]').click();
    await page.locator('.error-summary').waitFor();
    expect(await reset.locator('input[name="confirm"]').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'reset password with an error');
    await reset.locator('input[name="confirm"]').fill('a new long passphrase');
    await reset.locator('button[type="submit"]').click();
    await page.getByTestId('reset-done').waitFor();

    // The link is spent.
    await page.goto(local('reset', token));
    await page.getByTestId('reset-invalid').waitFor();

    // Arabic: the same pages, right to left, accessible too.
    await page.goto(`${suite.stack.url}/admin/forgot?lang=ar`);
    await page.getByTestId('forgot-form').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible(page, 'forgot password (ar)');
    await page.goto(`${local('reset', token)}?lang=ar`);
    await page.getByTestId('reset-invalid').waitFor();
    await expectAccessible(page, 'spent reset link (ar)');

    await page.goto(`${suite.stack.url}/admin?lang=en`);
    const signInForm = page.getByTestId('sign-in-form');
    await signInForm.locator('input[name="email"]').fill(PERSON.email);
    await signInForm.locator('input[name="password"]').fill('a new long passphrase');
    await signInForm.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/admin/overview');
    expect(pageErrors).toEqual([]);
  });

  it('a signed-in coordinator changes their password on "My account" (wrong current one refused)', async () => {
    const { page, pageErrors } = await suite.open();
    await signIn(page, PERSON.email, 'a new long passphrase');
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'My account' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/account');
    const form = page.getByTestId('change-password-form');
    await expectAccessible(page, 'my account');
    await form.locator('input[name="current"]').fill('not my password');
    await form.locator('input[name="newPassword"]').fill('the third long passphrase');
    await form.locator('input[name="confirm"]').fill('the third long passphrase');
    await form.locator('button[type="submit"]').click();
    await expect(page.locator('#account-current-error').textContent()).resolves.toBe(
      'This is not your current password.',
    );
    expect(await form.locator('input[name="current"]').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'my account with an error');

    await form.locator('input[name="current"]').fill('a new long passphrase');
    await form.locator('input[name="newPassword"]').fill('the third long passphrase');
    await form.locator('input[name="confirm"]').fill('the third long passphrase');
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('password-changed').filter({ hasText: 'Your password is changed' }).waitFor();

    const login = (password: string) =>
      suite.stack.request('/api/auth/login', { method: 'POST', json: { email: PERSON.email, password } });
    expect((await login('a new long passphrase')).status).toBe(401);
    expect((await login('the third long passphrase')).status).toBe(200);

    await page.goto(`${suite.stack.url}/admin/account?lang=ar`);
    await page.getByTestId('change-password-form').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible(page, 'my account (ar)');
    expect(pageErrors).toEqual([]);
  });
});
