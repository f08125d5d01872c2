import { describe, expect, it } from '@jest/globals';
import { LANGUAGES } from '@convene/shared';
import type { AccountMailContext } from '../../outbox/account-mail-context.js';
import { renderAccountInvitation } from './account-invitation.js';
import { renderPasswordReset } from './password-reset.js';

const settings = { publicUrl: 'http://convene.test', mailFrom: 'Convene <noreply@convene.test>' };

function contextIn(language: (typeof LANGUAGES)[number]): AccountMailContext {
  return {
    notification: {} as AccountMailContext['notification'],
    account: { email: 'coordinator@example.org', language } as AccountMailContext['account'],
    link: { mailToken: 'token-1', expiresAt: new Date(Date.now() + 3_600_000), usedAt: null, revokedAt: null },
  };
}

describe('account mails', () => {
  it.each(LANGUAGES)('link the privacy notice in %s from the HTML and text parts', (language) => {
    for (const render of [renderAccountInvitation, renderPasswordReset]) {
      const mail = render(contextIn(language), settings);
      const url = `http://convene.test/privacy?lang=${language}`;
      expect(mail.html).toContain(`href="${url}"`);
      expect(mail.text).toContain(url);
    }
  });
});
