import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorSummary, type SummaryItem } from '../../common/components/error-summary';
import { ErrorNotice, useErrorText } from '../components/errors';
import { PageTitle } from '../components/page-title';
import { MIN_PASSWORD, PasswordField } from '../components/password-field';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { acceptInvitation, getInvitation } from './invitation-api';

type Field = 'password' | 'confirm';

/** /admin/invitation/:token, signed out: the invited person sets a password, then signs in. */
export function InvitationPage({ token }: { token: string }) {
  const { t } = useAdminTranslation();
  const errorText = useErrorText();
  const [invitation, reload] = useResource(`invitation|${token}`, (signal) => getInvitation(token, signal));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const labels: Record<Field, string> = {
    password: t('admin.invitation.password'),
    confirm: t('admin.invitation.confirm'),
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
    if (password.length < MIN_PASSWORD) fields.password = t('admin.invitation.tooShort', { min: MIN_PASSWORD });
    else if (confirm !== password) fields.confirm = t('admin.invitation.mismatch');
    if (fields.password || fields.confirm) return fail(fields, null);

    setBusy(true);
    const result = await acceptInvitation(token, password);
    setBusy(false);
    if (result.ok) {
      setDone(true);
      return;
    }
    if (result.error.code === 'invitation_invalid') return fail({}, t('admin.invitation.invalid'));
    const code = result.error.fields?.password?.code;
    if (code) return fail({ password: t('admin.invitation.tooShort', { min: MIN_PASSWORD }) }, null);
    fail({}, errorText(result.error));
  };

  const heading = (
    <>
      <PageTitle>{t('admin.invitation.title')}</PageTitle>
      <h1 id="invitation-title">{t('admin.invitation.title')}</h1>
    </>
  );

  if (done) {
    return (
      <section className="admin-sign-in" aria-labelledby="invitation-title" data-testid="invitation-done">
        {heading}
        <p role="status" className="notice notice-success">
          {t('admin.invitation.done')}
        </p>
        <p>
          <Link href="/">{t('admin.invitation.signIn')}</Link>
        </p>
      </section>
    );
  }

  if (invitation.state === 'loading') {
    return (
      <section className="admin-sign-in" aria-labelledby="invitation-title">
        {heading}
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      </section>
    );
  }

  if (invitation.state === 'failed') {
    return (
      <section className="admin-sign-in" aria-labelledby="invitation-title" data-testid="invitation-invalid">
        {heading}
        {invitation.error.code === 'invitation_invalid' || invitation.error.status === 410 ? (
          <div role="alert" className="notice notice-error">
            <p>{t('admin.invitation.invalid')}</p>
          </div>
        ) : (
          <ErrorNotice error={invitation.error} onRetry={reload} />
        )}
        <p>
          <Link href="/">{t('admin.invitation.signIn')}</Link>
        </p>
      </section>
    );
  }

  const items: SummaryItem[] = [
    ...(formError ? [{ text: formError }] : []),
    ...(['password', 'confirm'] as const).flatMap((name) => {
      const text = fieldErrors[name];
      return text ? [{ targetId: `invitation-${name}`, label: labels[name], text }] : [];
    }),
  ];

  const field = (name: Field, hint?: string) => (
    <PasswordField
      id={`invitation-${name}`}
      name={name}
      label={labels[name]}
      hint={hint}
      error={fieldErrors[name]}
      autoComplete="new-password"
      minLength={MIN_PASSWORD}
    />
  );

  return (
    <section className="admin-sign-in" aria-labelledby="invitation-title">
      {heading}
      <p className="lead">{t('admin.invitation.intro', { email: invitation.data.email })}</p>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} data-testid="invitation-form">
        {items.length > 0 && <ErrorSummary ref={summaryRef} items={items} />}
        <input type="email" name="username" autoComplete="username" value={invitation.data.email} readOnly hidden />
        {field('password', t('admin.invitation.passwordHint', { min: MIN_PASSWORD }))}
        {field('confirm')}
        <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
          {busy ? t('admin.invitation.submitting') : t('admin.invitation.submit')}
        </button>
      </form>
    </section>
  );
}
