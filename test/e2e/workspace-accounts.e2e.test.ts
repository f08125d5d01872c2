import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../support/browser-suite.js';
import { ADMIN } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * An admin invites a region-scoped coordinator through the workspace in real Chromium; the
 * coordinator opens the link (signed out, in another browser), sets a password and signs in,
 * without the admin pages; the admin's audit log shows the invitation and its acceptance.
 */

const COORDINATOR = { email: 'amina.coordinator@convene.test', password: 'a long enough passphrase' };

describe('accounts and invitations in the workspace', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false, withWorker: false });

  const open = () => suite.open();

  /** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
  async function expectAccessible(page: Page, when: string) {
    expect(await severeViolations(page, when)).toEqual([]);
  }

  async function signIn(page: Page, email: string, password: string) {
    await signInToWorkspace(page, suite.stack.url, { email, password });
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Workspace' });

  it('invites a scoped coordinator, who sets a password from the link and signs in without the admin pages; the audit log shows both', async () => {
    const admin = await open();
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    await nav(admin.page).getByRole('link', { name: 'Accounts' }).click();
    await admin.page.waitForURL((url) => url.pathname === '/admin/accounts');
    const table = admin.page.getByTestId('accounts-table');
    await table.waitFor();
    await expectAccessible(admin.page, 'accounts');

    // An admin may not deactivate their own account: the refusal is shown.
    const ownRow = admin.page.locator(`[data-testid="account-row"][data-email="${ADMIN.email}"]`);
    await ownRow.getByRole('button').click();
    await admin.page.getByTestId('account-toggle-active').click();
    await expect(admin.page.getByTestId('account-editor').getByRole('alert').textContent()).resolves.toMatch(
      /cannot demote or deactivate your own account/i,
    );

    const invite = admin.page.getByTestId('invite-form');
    await invite.locator('input[name="email"]').fill(COORDINATOR.email);
    await invite.locator('select[name="role"]').selectOption('coordinator');
    await invite.getByLabel('Europe').check();
    await invite.locator('button[type="submit"]').click();
    const urlInput = admin.page.getByTestId('invite-url');
    await urlInput.waitFor();
    const inviteUrl = await urlInput.inputValue();
    expect(inviteUrl).toMatch(/\/admin\/invitation\/[\w-]{20,}$/);
    await expect(admin.page.getByTestId('invite-link').textContent()).resolves.toMatch(/72 hours/);
    const newRow = admin.page.locator(`[data-testid="account-row"][data-email="${COORDINATOR.email}"]`);
    await newRow.waitFor();
    await expect(newRow.getByTestId('account-status').textContent()).resolves.toBe('Invited, not yet accepted');
    await expect(newRow.textContent()).resolves.toContain('Europe');
    await expectAccessible(admin.page, 'accounts with an invitation link');

    // The link, opened signed out in another browser (the server's PUBLIC_URL is not this stack's).
    const invitee = await open();
    const link = `${suite.stack.url}${new URL(inviteUrl).pathname}`;
    await invitee.page.goto(link);
    const form = invitee.page.getByTestId('invitation-form');
    await form.waitFor();
    await expect(invitee.page.locator('.lead').textContent()).resolves.toContain(COORDINATOR.email);
    await form.locator('input[name="password"]').fill('too short');
    await form.locator('input[name="confirm"]').fill('too short');
    await form.locator('button[type="submit"]').click();
    await invitee.page.locator('.error-summary').waitFor();
    expect(await form.locator('input[name="password"]').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(invitee.page, 'invitation with errors');

    await form.locator('input[name="password"]').fill(COORDINATOR.password);
    await form.locator('input[name="confirm"]').fill(COORDINATOR.password);
    await form.locator('button[type="submit"]').click();
    const done = invitee.page.getByTestId('invitation-done');
    await done.waitFor();
    await done.getByRole('link').click();
    await invitee.page.getByTestId('sign-in-form').waitFor();
    await signIn(invitee.page, COORDINATOR.email, COORDINATOR.password);
    await expect(invitee.page.locator('.admin-account').textContent()).resolves.toContain('(coordinator)');
    await expect(nav(invitee.page).getByRole('link', { name: 'Reports' }).count()).resolves.toBe(1);
    await expect(nav(invitee.page).getByRole('link', { name: 'Accounts' }).count()).resolves.toBe(0);
    await expect(nav(invitee.page).getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(0);
    // Typed in by hand, the page shows the API's refusal.
    await invitee.page.goto(`${suite.stack.url}/admin/accounts`);
    await expect(invitee.page.getByRole('alert').textContent()).resolves.toMatch(/may not do this/i);

    // The link works once.
    await invitee.page.goto(link);
    await expect(invitee.page.getByTestId('invitation-invalid').textContent()).resolves.toMatch(
      /expired or was already used/i,
    );

    await nav(admin.page).getByRole('link', { name: 'Audit log' }).click();
    await admin.page.waitForURL((url) => url.pathname === '/admin/audit');
    await admin.page.getByTestId('audit-table').waitFor();
    await admin.page.locator('[data-testid="audit-row"][data-action="account.invite"]').waitFor();
    await admin.page.locator('[data-testid="audit-row"][data-action="account.accept"]').waitFor();
    const accept = admin.page.locator('[data-testid="audit-row"][data-action="account.accept"]');
    await expect(accept.textContent()).resolves.toContain(COORDINATOR.email);
    await expectAccessible(admin.page, 'audit');

    // Back on the accounts page, the coordinator is active now.
    await nav(admin.page).getByRole('link', { name: 'Accounts' }).click();
    await expect(
      admin.page
        .locator(`[data-testid="account-row"][data-email="${COORDINATOR.email}"]`)
        .getByTestId('account-status')
        .textContent(),
    ).resolves.toBe('Active');

    expect(admin.pageErrors).toEqual([]);
    expect(invitee.pageErrors).toEqual([]);
  }, 180_000);
});
