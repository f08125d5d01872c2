import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorSummary, type SummaryItem } from '../../common/components/error-summary';
import { ErrorNotice, useErrorText } from '../components/errors';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { checkPasswordReset, completePasswordReset } from './password-api';
import { MIN_PASSWORD, PasswordField } from '../components/password-field';

type Field = 'password' | 'confirm';

/** /admin/reset/:token, signed out: the mailed link sets a new password, once. */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useAdminTranslation();
  const errorText = useErrorText();
  const [link, reload] = useResource(`reset|${token}`, (signal) => checkPasswordReset(token, signal));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [spent, setSpent] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const labels: Record<Field, string> = {
    password: t('admin.accountLifecycle.reset.password'),
    confirm: t('admin.accountLifecycle.reset.confirm'),
  };

  const fail = (fields: Partial<Record<Field, string>>, form: string | null) => {
    setFieldErrors(fields);
    setFormError(form);
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const password = String(data.get('password') ?? '');
    const confirm = String(data.get('confirm') ?? '');
    const fields: Partial<Record<Field, string>> = {};
    if (password.length < MIN_PASSWORD) {
      fields.password = t('admin.accountLifecycle.reset.tooShort', { min: MIN_PASSWORD });
    } else if (confirm !== password) fields.confirm = t('admin.accountLifecycle.reset.mismatch');
    if (fields.password || fields.confirm) return fail(fields, null);

    setBusy(true);
    const result = await completePasswordReset(token, password);
    setBusy(false);
    if (result.ok) return setDone(true);
    if (result.error.status === 410) return setSpent(true);
    if (result.error.fields?.password) {
      return fail({ password: t('admin.accountLifecycle.reset.tooShort', { min: MIN_PASSWORD }) }, null);
    }
    fail({}, errorText(result.error));
  };

  const heading = (
    <>
      <PageTitle>{t('admin.accountLifecycle.reset.title')}</PageTitle>
      <h1 id="reset-title">{t('admin.accountLifecycle.reset.title')}</h1>
    </>
  );
  const signInLink = (
    <p>
      <Link href="/">{t('admin.accountLifecycle.reset.signIn')}</Link>
    </p>
  );

  if (done) {
    return (
      <section className="admin-sign-in" aria-labelledby="reset-title" data-testid="reset-done">
        {heading}
        <p role="status" className="notice notice-success">
          {t('admin.accountLifecycle.reset.done')}
        </p>
        {signInLink}
      </section>
    );
  }
  if (link.state === 'loading') {
    return (
      <section className="admin-sign-in" aria-labelledby="reset-title">
        {heading}
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      </section>
    );
  }
  if (spent || (link.state === 'failed' && link.error.status === 410)) {
    return (
      <section className="admin-sign-in" aria-labelledby="reset-title" data-testid="reset-invalid">
        {heading}
        <div role="alert" className="notice notice-error">
          <p>{t('admin.accountLifecycle.reset.invalid')}</p>
        </div>
        <p>
          <Link href="/forgot">{t('admin.accountLifecycle.reset.again')}</Link>
        </p>
      </section>
    );
  }
  if (link.state === 'failed') {
    return (
      <section className="admin-sign-in" aria-labelledby="reset-title">
        {heading}
        <ErrorNotice error={link.error} onRetry={reload} />
      </section>
    );
  }

  const items: SummaryItem[] = [
    ...(formError ? [{ text: formError }] : []),
    ...(['password', 'confirm'] as const).flatMap((name) => {
      const text = fieldErrors[name];
      return text ? [{ targetId: `reset-${name}`, label: labels[name], text }] : [];
    }),
  ];

  return (
    <section className="admin-sign-in" aria-labelledby="reset-title">
      {heading}
      <p className="lead">{t('admin.accountLifecycle.reset.intro')}</p>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} data-testid="reset-form">
        {items.length > 0 && <ErrorSummary ref={summaryRef} items={items} />}
        <PasswordField
          id="reset-password"
          name="password"
          label={labels.password}
          hint={t('admin.accountLifecycle.reset.passwordHint', { min: MIN_PASSWORD })}
          error={fieldErrors.password}
          autoComplete="new-password"
        />
        <PasswordField
          id="reset-confirm"
          name="confirm"
          label={labels.confirm}
          error={fieldErrors.confirm}
          autoComplete="new-password"
        />
        <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
          {busy ? t('admin.accountLifecycle.reset.submitting') : t('admin.accountLifecycle.reset.submit')}
        </button>
      </form>
    </section>
  );
}
