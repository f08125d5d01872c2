import { useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '../../common/components/error-summary';
import { useErrorText } from '../components/errors';
import { PageTitle } from '../components/page-title';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useSession } from '../session/session';
import { changePassword } from './password-api';
import { MIN_PASSWORD, PasswordField } from '../components/password-field';
import { ProfileForm } from './profile-form';

type Field = 'current' | 'newPassword' | 'confirm';

/** /admin/account: the signed-in coordinator's own account; changing the password needs the current one. */
export function AccountPage() {
  const { t } = useAdminTranslation();
  const { session } = useSession();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const labels: Record<Field, string> = {
    current: t('admin.accountLifecycle.account.current'),
    newPassword: t('admin.accountLifecycle.account.newPassword'),
    confirm: t('admin.accountLifecycle.account.confirm'),
  };
  const tooShort = t('admin.accountLifecycle.account.tooShort', { min: MIN_PASSWORD });

  const fail = (fields: Partial<Record<Field, string>>, form: string | null) => {
    setFieldErrors(fields);
    setFormError(form);
    setDone(false);
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const current = String(data.get('current') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    const confirm = String(data.get('confirm') ?? '');
    const fields: Partial<Record<Field, string>> = {};
    if (!current) fields.current = t('errors.required');
    if (newPassword.length < MIN_PASSWORD) fields.newPassword = tooShort;
    else if (confirm !== newPassword) fields.confirm = t('admin.accountLifecycle.account.mismatch');
    if (Object.keys(fields).length > 0) return fail(fields, null);

    setBusy(true);
    const result = await changePassword(current, newPassword);
    setBusy(false);
    if (result.ok) {
      setFieldErrors({});
      setFormError(null);
      setDone(true);
      formRef.current?.reset();
      return;
    }
    const codes = result.error.fields ?? {};
    if (codes.currentPassword?.code === 'wrong_password') {
      return fail({ current: t('admin.accountLifecycle.account.wrongPassword') }, null);
    }
    if (codes.newPassword) return fail({ newPassword: tooShort }, null);
    fail({}, errorText(result.error));
  };

  const items: SummaryItem[] = [
    ...(formError ? [{ text: formError }] : []),
    ...(['current', 'newPassword', 'confirm'] as const).flatMap((name) => {
      const text = fieldErrors[name];
      return text ? [{ targetId: `account-${name}`, label: labels[name], text }] : [];
    }),
  ];
  const email = session.kind === 'signed-in' ? session.user.email : '';

  return (
    <div className="account-page">
      <PageTitle>{t('admin.accountLifecycle.account.title')}</PageTitle>
      <h1>{t('admin.accountLifecycle.account.title')}</h1>
      <p className="lead">{t('admin.accountLifecycle.account.intro', { email })}</p>
      <ProfileForm />
      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('admin.accountLifecycle.account.passwordTitle')}</h2>
        <p role="status" className="notice notice-success" hidden={!done} data-testid="password-changed">
          {done ? t('admin.accountLifecycle.account.done') : ''}
        </p>
        <form
          ref={formRef}
          className="form"
          noValidate
          onSubmit={(e) => void onSubmit(e)}
          data-testid="change-password-form"
        >
          {items.length > 0 && <ErrorSummary ref={summaryRef} items={items} />}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <PasswordField
            id="account-current"
            name="current"
            label={labels.current}
            error={fieldErrors.current}
            autoComplete="current-password"
          />
          <PasswordField
            id="account-newPassword"
            name="newPassword"
            label={labels.newPassword}
            hint={t('admin.accountLifecycle.account.newHint', { min: MIN_PASSWORD })}
            error={fieldErrors.newPassword}
            autoComplete="new-password"
          />
          <PasswordField
            id="account-confirm"
            name="confirm"
            label={labels.confirm}
            error={fieldErrors.confirm}
            autoComplete="new-password"
          />
          <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
            {busy ? t('admin.accountLifecycle.account.submitting') : t('admin.accountLifecycle.account.submit')}
          </button>
        </form>
      </section>
    </div>
  );
}
