import type { TAdminReport, TIdentityReveal } from '@convene/shared';
import { openIdentity, unwrapReporterKey, type ReporterIdentity } from '@convene/shared/crypto';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../common/api/http';
import { ErrorNotice } from '../components/errors';
import { PasswordField } from '../components/password-field';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useKeyring } from '../reporter-keys/keyring';
import { fetchSealedIdentity, shortKeyId } from '../reporter-keys/reporter-keys-api';
import { useUser } from '../session/session';

type Step =
  | { kind: 'idle' }
  | { kind: 'asking'; sealed: TIdentityReveal | null }
  | { kind: 'shown'; identity: ReporterIdentity; keyId: string };

type Failure = { kind: 'api'; error: ApiError } | { kind: 'missing' } | { kind: 'passphrase' } | { kind: 'damaged' };

/**
 * The contact details a named reporter left, sealed in their browser. An admin reveals them
 * here: the server hands over the envelope and the wrapped key (and audits it), this browser
 * unwraps the key with the passphrase and opens the envelope. Nothing but that audited request
 * goes to the server; the clear identity stays in this component's state, never stored.
 */
export function IdentityPanel({ report }: { report: TAdminReport }) {
  const { t } = useAdminTranslation();
  const user = useUser();
  if (report.anonymous) return null;
  return (
    <section aria-labelledby="identity-title" className="panel" data-testid="identity-panel">
      <h2 id="identity-title">{t('admin.identity.title')}</h2>
      {!report.sealedIdentity ? (
        <p data-testid="identity-none">{t('admin.identity.none')}</p>
      ) : user.role === 'admin' ? (
        <Reveal reportId={report.id} />
      ) : (
        <p data-testid="identity-admin-only">{t('admin.identity.adminOnly')}</p>
      )}
    </section>
  );
}

function Reveal({ reportId }: { reportId: string }) {
  const { t } = useAdminTranslation();
  const keyring = useKeyring();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);
  const revealed = useRef<HTMLDListElement>(null);
  // Where the reader's attention goes next: the passphrase to type, then the details it opened.
  useEffect(() => {
    if (step.kind === 'asking') passphraseInput.current?.focus();
    if (step.kind === 'shown') revealed.current?.focus();
  }, [step.kind]);
  // Back to the passphrase after a wrong one, once the field is enabled again.
  useEffect(() => {
    if (!busy && (failure?.kind === 'passphrase' || failure?.kind === 'missing')) passphraseInput.current?.focus();
  }, [failure, busy]);

  /** The audited request, made once per reveal: a wrong passphrase is retried on what came back. */
  const fetchSealed = async (): Promise<TIdentityReveal | null> => {
    const result = await fetchSealedIdentity(reportId);
    if (result.ok) return result.data;
    setFailure({ kind: 'api', error: result.error });
    return null;
  };

  const open = async (sealed: TIdentityReveal, key: CryptoKey) => {
    try {
      const identity = await openIdentity(sealed.envelope, key, sealed.clientSubmissionId);
      setStep({ kind: 'shown', identity, keyId: sealed.key.id });
      setPassphrase('');
    } catch {
      setFailure({ kind: 'damaged' });
    }
  };

  const start = async () => {
    setFailure(null);
    // Without an unlocked key there is a passphrase to ask first, before anything is fetched.
    if (keyring.unlocked.size === 0) {
      setStep({ kind: 'asking', sealed: null });
      return;
    }
    setBusy(true);
    try {
      const sealed = await fetchSealed();
      if (!sealed) return;
      const key = keyring.get(sealed.key.id);
      if (key) await open(sealed, key);
      else setStep({ kind: 'asking', sealed });
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || step.kind !== 'asking') return;
    if (passphrase === '') {
      setFailure({ kind: 'missing' });
      return;
    }
    setFailure(null);
    setBusy(true);
    try {
      const sealed = step.sealed ?? (await fetchSealed());
      if (!sealed) return;
      if (!step.sealed) setStep({ kind: 'asking', sealed });
      let key: CryptoKey;
      try {
        key = await unwrapReporterKey(sealed.key.id, sealed.key.privateKey, passphrase);
      } catch {
        setFailure({ kind: 'passphrase' });
        return;
      }
      if (remember) keyring.keep(sealed.key.id, key);
      await open(sealed, key);
    } finally {
      setBusy(false);
    }
  };

  const keyLabel = step.kind === 'asking' && step.sealed ? shortKeyId(step.sealed.key.id) : null;
  const failureNotice =
    failure?.kind === 'api' ? (
      <ErrorNotice error={failure.error} />
    ) : failure?.kind === 'damaged' ? (
      <div role="alert" className="notice notice-error" data-testid="identity-error">
        <p>{t('admin.identity.damaged')}</p>
      </div>
    ) : null;

  if (step.kind === 'shown') {
    const { identity, keyId } = step;
    const value = (text: string, dir: 'auto' | 'ltr') =>
      text ? <span dir={dir}>{text}</span> : <span className="hint">{t('admin.identity.notGiven')}</span>;
    return (
      <>
        <p role="status" className="visually-hidden">
          {t('admin.identity.revealed')}
        </p>
        <dl className="facts-list" data-testid="identity-revealed" ref={revealed} tabIndex={-1}>
          <div className="facts-row">
            <dt>{t('admin.identity.name')}</dt>
            <dd data-testid="identity-name">{value(identity.name, 'auto')}</dd>
          </div>
          <div className="facts-row">
            <dt>{t('admin.identity.email')}</dt>
            <dd data-testid="identity-email">{value(identity.email, 'ltr')}</dd>
          </div>
          <div className="facts-row">
            <dt>{t('admin.identity.phone')}</dt>
            <dd data-testid="identity-phone">{value(identity.phone, 'ltr')}</dd>
          </div>
        </dl>
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setStep({ kind: 'idle' })}
            data-testid="identity-hide"
          >
            {t('admin.identity.hide')}
          </button>
          {keyring.unlocked.has(keyId) && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => keyring.lock(keyId)}
              data-testid="identity-lock"
            >
              {t('admin.identity.lock', { key: shortKeyId(keyId) })}
            </button>
          )}
        </div>
      </>
    );
  }

  if (step.kind === 'asking') {
    const wrong = failure?.kind === 'passphrase' || failure?.kind === 'missing';
    const wrongText =
      failure?.kind === 'passphrase' && keyLabel
        ? t('admin.identity.wrongPassphrase', { key: keyLabel })
        : t('admin.identity.passphraseMissing');
    return (
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} data-testid="identity-form" aria-busy={busy}>
        <p className="hint">{t('admin.identity.audited')}</p>
        {failureNotice}
        {step.sealed?.key.retiredAt && (
          <p data-testid="identity-retired-key">
            {t('admin.identity.retiredKey', { key: shortKeyId(step.sealed.key.id) })}
          </p>
        )}
        <PasswordField
          inputRef={passphraseInput}
          id="identity-passphrase"
          name="passphrase"
          label={keyLabel ? t('admin.identity.passphraseOf', { key: keyLabel }) : t('admin.identity.passphrase')}
          error={wrong ? wrongText : null}
          errorAlert
          errorTestId="identity-error"
          autoComplete="off"
          required={false}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          disabled={busy}
        />
        <div className="checkbox">
          <input
            id="identity-remember"
            name="remember"
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
            disabled={busy}
          />
          <label htmlFor="identity-remember">{t('admin.identity.remember')}</label>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy} aria-disabled={busy} data-testid="identity-open">
            {busy ? t('admin.identity.opening') : t('admin.identity.open')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setStep({ kind: 'idle' });
              setPassphrase('');
              setFailure(null);
            }}
            disabled={busy}
          >
            {t('admin.identity.cancel')}
          </button>
        </div>
        {busy && (
          <p role="status" className="status">
            {t('admin.identity.opening')}
          </p>
        )}
      </form>
    );
  }

  return (
    <>
      <p>{t('admin.identity.sealed')}</p>
      {failureNotice}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void start()}
        disabled={busy}
        aria-disabled={busy}
        data-testid="identity-reveal"
      >
        {busy ? t('admin.identity.opening') : t('admin.identity.reveal')}
      </button>
    </>
  );
}
