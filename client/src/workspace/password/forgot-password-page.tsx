import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorSummary, type SummaryItem } from '../../common/components/error-summary';
import { useErrorText, useFieldErrorText } from '../components/errors';
import { PageTitle } from '../components/page-title';
import { useAdminTranslation } from '../i18n/admin-translation';
import { requestPasswordReset } from './password-api';
import { PasswordField } from '../components/password-field';

/** /admin/forgot, signed out: asks for a reset link. The answer is the same for any address. */
export function ForgotPasswordPage() {
  const { t } = useAdminTranslation();
  const errorText = useErrorText();
  const fieldText = useFieldErrorText();
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const fail = (field: string | null, form: string | null) => {
    setFieldError(field);
    setFormError(form);
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    if (!email) return fail(fieldText('required'), null);
    setBusy(true);
    const result = await requestPasswordReset(email);
    setBusy(false);
    if (result.ok) {
      setFieldError(null);
      setFormError(null);
      setSentTo(email);
      return;
    }
    const code = result.error.fields?.email?.code;
    if (code) return fail(fieldText(code), null);
    fail(null, errorText(result.error));
  };

  const label = t('admin.accountLifecycle.forgot.email');
  const items: SummaryItem[] = [
    ...(formError ? [{ text: formError }] : []),
    ...(fieldError ? [{ targetId: 'forgot-email', label, text: fieldError }] : []),
  ];

  return (
    <section className="admin-sign-in" aria-labelledby="forgot-title">
      <PageTitle>{t('admin.accountLifecycle.forgot.title')}</PageTitle>
      <h1 id="forgot-title">{t('admin.accountLifecycle.forgot.title')}</h1>
      {sentTo ? (
        <p role="status" className="notice notice-success" data-testid="forgot-sent">
          {t('admin.accountLifecycle.forgot.sent', { email: sentTo })}
        </p>
      ) : (
        <>
          <p className="lead">{t('admin.accountLifecycle.forgot.intro')}</p>
          <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} data-testid="forgot-form">
            {items.length > 0 && <ErrorSummary ref={summaryRef} items={items} />}
            <PasswordField
              id="forgot-email"
              name="email"
              type="email"
              label={label}
              autoComplete="username"
              error={fieldError ?? undefined}
            />
            <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
              {busy ? t('admin.accountLifecycle.forgot.submitting') : t('admin.accountLifecycle.forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link href="/">{t('admin.accountLifecycle.forgot.back')}</Link>
      </p>
    </section>
  );
}
