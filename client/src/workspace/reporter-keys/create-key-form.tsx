import type { TReporterKeyList } from '@convene/shared';
import { createReporterKey } from '@convene/shared/crypto';
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../components/errors';
import { PasswordField } from '../components/password-field';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';
import { MIN_PASSPHRASE_LENGTH, passphraseProblem, type PassphraseProblem } from './passphrase-rule';
import { addReporterKey, shortKeyId } from './reporter-keys-api';

const FIELD_OF: Record<PassphraseProblem, string> = {
  tooShort: 'new-key-passphrase',
  mismatch: 'new-key-confirm',
  notAcknowledged: 'new-key-acknowledge',
};

/**
 * Makes a new reporter key in this browser: the key pair is generated and its private half
 * wrapped with the passphrase (PBKDF2, 600,000 rounds) here; only the public key and the
 * wrapped bytes are sent. The passphrase itself never leaves the page.
 */
export function CreateKeyForm({ onCreated }: { onCreated: (list: TReporterKeyList) => void }) {
  const { t } = useAdminTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [problem, setProblem] = useState<PassphraseProblem | null>(null);
  const [wrapping, setWrapping] = useState(false);
  const [failed, setFailed] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const add = useAction(addReporterKey);
  const busy = wrapping || add.busy;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = passphraseProblem(passphrase, confirmation, acknowledged);
    setProblem(found);
    setMade(null);
    setFailed(false);
    if (found) {
      document.getElementById(FIELD_OF[found])?.focus();
      return;
    }
    setWrapping(true);
    let key;
    try {
      key = await createReporterKey(crypto.randomUUID(), passphrase);
    } catch {
      setFailed(true);
      return;
    } finally {
      setWrapping(false);
    }
    const list = await add.run(key);
    if (!list) return;
    setPassphrase('');
    setConfirmation('');
    setAcknowledged(false);
    setMade(key.id);
    onCreated(list);
  };

  const errorOf = (field: PassphraseProblem) =>
    problem === field ? t(`admin.reporterKeys.create.${field}`, { min: MIN_PASSPHRASE_LENGTH }) : null;
  const fieldError = (id: string, text: string | null) =>
    text && (
      <p id={`${id}-error`} className="field-error">
        {text}
      </p>
    );

  return (
    <section aria-labelledby="new-key-title" className="panel new-key">
      <h2 id="new-key-title">{t('admin.reporterKeys.create.title')}</h2>
      <p>{t('admin.reporterKeys.create.rotation')}</p>
      <div className="notice notice-error" data-testid="new-key-warning">
        <p>{t('admin.reporterKeys.create.warning')}</p>
      </div>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} data-testid="new-key-form" aria-busy={busy}>
        {add.error && <ErrorNotice error={add.error} />}
        {failed && (
          <div role="alert" className="notice notice-error">
            <p>{t('admin.reporterKeys.create.unsupported')}</p>
          </div>
        )}
        <PasswordField
          id="new-key-passphrase"
          name="passphrase"
          label={t('admin.reporterKeys.create.passphrase')}
          hint={t('admin.reporterKeys.create.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
          error={errorOf('tooShort')}
          autoComplete="new-password"
          minLength={MIN_PASSPHRASE_LENGTH}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          disabled={busy}
        />
        <PasswordField
          id="new-key-confirm"
          name="confirmation"
          label={t('admin.reporterKeys.create.confirm')}
          error={errorOf('mismatch')}
          autoComplete="new-password"
          value={confirmation}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
          disabled={busy}
        />
        <div className={`field${errorOf('notAcknowledged') ? ' field-invalid' : ''}`}>
          {fieldError('new-key-acknowledge', errorOf('notAcknowledged'))}
          <div className="checkbox">
            <input
              id="new-key-acknowledge"
              name="acknowledge"
              type="checkbox"
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.target.checked)}
              aria-invalid={errorOf('notAcknowledged') ? true : undefined}
              aria-describedby={errorOf('notAcknowledged') ? 'new-key-acknowledge-error' : undefined}
              disabled={busy}
            />
            <label htmlFor="new-key-acknowledge">{t('admin.reporterKeys.create.acknowledge')}</label>
          </div>
        </div>
        <button type="submit" className="button" disabled={busy} aria-disabled={busy} data-testid="new-key-submit">
          {busy ? t('admin.reporterKeys.create.working') : t('admin.reporterKeys.create.submit')}
        </button>
        {busy && (
          <p role="status" className="status">
            {t('admin.reporterKeys.create.working')}
          </p>
        )}
      </form>
      {made && (
        <div className="notice notice-success" data-testid="new-key-done">
          <p role="status">{t('admin.reporterKeys.create.done', { key: shortKeyId(made) })}</p>
        </div>
      )}
    </section>
  );
}
