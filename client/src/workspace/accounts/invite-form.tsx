import { LANGUAGES, type TAccount, type TLanguage, type TRole } from '@convene/shared';
import { useRef, useState, type FormEvent } from 'react';
import { inviteAccount, type InvitationCreated } from '../api/endpoints';
import { ErrorNotice, useFieldErrorText } from '../components/errors';
import { useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';
import { ScopeFields, scopeBody, type Scope } from './scope-fields';

/** The link of a new invitation: shown once, with a way to copy it and when it stops working. */
function InvitationLink({ created, url }: { created: InvitationCreated; url: string }) {
  const { t } = useAdminTranslation();
  const { full } = useInstantFormat();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure origin, a refused permission): select it for the reader.
      input.current?.select();
      setCopied('failed');
    }
  };

  return (
    <div className="notice notice-success invite-link" data-testid="invite-link">
      <p role="status">{t('admin.accounts.invite.created', { email: created.account.email })}</p>
      <div className="field">
        <label htmlFor="invite-url">{t('admin.accounts.invite.link')}</label>
        <div className="invite-link-row">
          <input
            ref={input}
            id="invite-url"
            type="text"
            readOnly
            value={url}
            dir="ltr"
            onFocus={(e) => e.currentTarget.select()}
            aria-describedby="invite-url-hint"
            data-testid="invite-url"
          />
          <button type="button" className="button button-secondary button-small" onClick={() => void copy()}>
            {t('admin.accounts.invite.copy')}
          </button>
        </div>
        <p className="hint" aria-live="polite">
          {copied === 'yes' && t('admin.accounts.invite.copied')}
          {copied === 'failed' && t('admin.accounts.invite.copyFailed')}
        </p>
      </div>
      <p id="invite-url-hint">
        {t('admin.accounts.invite.expires', { date: full(created.expiresAt) })}{' '}
        {t('admin.accountLifecycle.localOutboxHint', { email: created.account.email })}
      </p>
    </div>
  );
}

/** A mailed invitation: the link went to the person, the admin only learns that it did. */
function InvitationMailed({ created }: { created: InvitationCreated }) {
  const { t } = useAdminTranslation();
  const { full } = useInstantFormat();
  return (
    <div className="notice notice-success" data-testid="invite-mailed">
      <p role="status">{t('admin.accountLifecycle.mailed', { email: created.account.email })}</p>
      <p>{t('admin.accounts.invite.expires', { date: full(created.expiresAt) })}</p>
    </div>
  );
}

/**
 * Invites a coordinator (or an admin) in the language of their mails. The link is mailed;
 * without a mail server the answer also carries it, shown once for the admin to pass on.
 */
export function InviteForm({ onInvited }: { onInvited: (account: TAccount) => void }) {
  const { t } = useAdminTranslation();
  const fieldText = useFieldErrorText();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TRole>('coordinator');
  const [language, setLanguage] = useState<TLanguage>('en');
  const labels = useLabels();
  const [scope, setScope] = useState<Scope>({ regions: [], themes: [] });
  const [emailError, setEmailError] = useState<string | null>(null);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const invite = useAction(inviteAccount);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = email.trim();
    if (!address) {
      setEmailError(fieldText('required'));
      document.getElementById('invite-email')?.focus();
      return;
    }
    setEmailError(null);
    setCreated(null);
    const result = await invite.run({ email: address, role, language, ...scopeBody(scope) });
    if (!result) return;
    setCreated(result);
    setEmail('');
    setScope({ regions: [], themes: [] });
    onInvited(result.account);
  };

  const serverEmailError = invite.error?.fields?.email?.code;
  const shownEmailError = emailError ?? (serverEmailError ? fieldText(serverEmailError) : null);

  return (
    <section aria-labelledby="invite-title" className="invite-section">
      <h2 id="invite-title">{t('admin.accounts.invite.title')}</h2>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} data-testid="invite-form">
        {invite.error && !serverEmailError && <ErrorNotice error={invite.error} />}
        <div className={`field${shownEmailError ? ' field-invalid' : ''}`}>
          <label htmlFor="invite-email">{t('admin.accounts.email')}</label>
          {shownEmailError && (
            <p id="invite-email-error" className="field-error">
              {shownEmailError}
            </p>
          )}
          <input
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={shownEmailError ? true : undefined}
            aria-describedby={shownEmailError ? 'invite-email-error' : undefined}
            dir="ltr"
          />
        </div>
        <div className="field">
          <label htmlFor="invite-role">{t('admin.accounts.role')}</label>
          <select id="invite-role" name="role" value={role} onChange={(e) => setRole(e.target.value as TRole)}>
            <option value="coordinator">{t('admin.roles.coordinator')}</option>
            <option value="admin">{t('admin.roles.admin')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="invite-language">{t('admin.accountLifecycle.language')}</label>
          <select
            id="invite-language"
            name="language"
            value={language}
            onChange={(e) => setLanguage(e.target.value as TLanguage)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {labels.language(l)}
              </option>
            ))}
          </select>
        </div>
        <ScopeFields idPrefix="invite" scope={scope} onChange={setScope} />
        <button type="submit" className="button" disabled={invite.busy} aria-disabled={invite.busy}>
          {invite.busy ? t('admin.accounts.invite.submitting') : t('admin.accounts.invite.submit')}
        </button>
      </form>
      {created &&
        (created.inviteUrl ? (
          <InvitationLink created={created} url={created.inviteUrl} />
        ) : (
          <InvitationMailed created={created} />
        ))}
    </section>
  );
}
