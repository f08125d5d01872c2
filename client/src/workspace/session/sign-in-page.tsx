import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { ApiError } from '../../common/api/http';
import { ErrorSummary, type SummaryItem } from '../../common/components/error-summary';
import { useErrorText, useFieldErrorText } from '../components/errors';
import { PageTitle } from '../components/page-title';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useSession } from './session';

type Field = 'email' | 'password';

/** /admin when signed out: email and password; on success the workspace opens its overview. */
export function SignInPage({ reason }: { reason: 'none' | 'expired' | 'signed-out' }) {
  const { t } = useAdminTranslation();
  const { signIn } = useSession();
  const errorText = useErrorText();
  const fieldText = useFieldErrorText();
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const labels: Record<Field, string> = { email: t('admin.signIn.email'), password: t('admin.signIn.password') };

  const fail = (fields: Partial<Record<Field, string>>, form: string | null) => {
    setFieldErrors(fields);
    setFormError(form);
    // After React has drawn it: the summary takes focus, so it is read out first.
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing: Partial<Record<Field, string>> = {};
    if (!email) missing.email = fieldText('required');
    if (!password) missing.password = fieldText('required');
    if (missing.email || missing.password) return fail(missing, null);

    setBusy(true);
    const error: ApiError | null = await signIn(email, password);
    setBusy(false);
    if (!error) return;
    const fields: Partial<Record<Field, string>> = {};
    for (const name of ['email', 'password'] as const) {
      const code = error.fields?.[name]?.code;
      if (code) fields[name] = fieldText(code);
    }
    fail(fields, Object.keys(fields).length > 0 ? null : errorText(error));
  };

  const items: SummaryItem[] = [
    ...(formError ? [{ text: formError }] : []),
    ...(['email', 'password'] as const).flatMap((name) => {
      const text = fieldErrors[name];
      return text ? [{ targetId: `admin-${name}`, label: labels[name], text }] : [];
    }),
  ];

  const field = (name: Field, type: string, autoComplete: string) => {
    const id = `admin-${name}`;
    const error = fieldErrors[name];
    return (
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{labels[name]}</label>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
        <input
          id={id}
          name={name}
          type={type}
          autoComplete={autoComplete}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          dir="ltr"
        />
      </div>
    );
  };

  return (
    <section className="admin-sign-in" aria-labelledby="admin-sign-in-title">
      <PageTitle>{t('admin.signIn.submit')}</PageTitle>
      <h1 id="admin-sign-in-title">{t('admin.signIn.title')}</h1>
      {reason === 'expired' && (
        <p className="notice" role="status">
          {t('admin.signIn.expired')}
        </p>
      )}
      {reason === 'signed-out' && (
        <p className="notice notice-success" role="status">
          {t('admin.signIn.signedOut')}
        </p>
      )}
      <p className="lead">{t('admin.signIn.intro')}</p>
      <form className="form" noValidate onSubmit={onSubmit} data-testid="sign-in-form">
        {items.length > 0 && <ErrorSummary ref={summaryRef} items={items} />}
        {field('email', 'email', 'username')}
        {field('password', 'password', 'current-password')}
        <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
          {busy ? t('admin.signIn.submitting') : t('admin.signIn.submit')}
        </button>
      </form>
      <p>
        <Link href="/forgot">{t('admin.accountLifecycle.forgotLink')}</Link>
      </p>
    </section>
  );
}
