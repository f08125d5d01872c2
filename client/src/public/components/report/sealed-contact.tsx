/*
 * The named reporter's contact fields and the code that seals them, loaded only when a
 * reporter picks "named" (loadSealedContact in ./contact-values): the WebCrypto envelope code
 * and the key request stay off the report page's first load and off anonymous reporters' pages.
 */
import { sealIdentity, type IdentityEnvelope } from '@convene/shared/crypto';
import { REPORT_LIMITS } from '@convene/shared';
import { useEffect } from 'react';
import { useTranslation } from '../../../common/i18n/use-translation';
import { fetchReporterKey } from '../../api/reporter-key';
import { cacheReporterKey, loadCachedReporterKey, type CachedReporterKey } from '../../offline/reporter-key-cache';
import type { ContactValues, ReporterKeyState } from './contact-values';
import { FieldError } from './field-error';
import { reportErrorId, reportFieldId, type ReportField } from './report-values';

/**
 * Seals what the reporter typed to the coalition's key, bound to the report's client
 * submission id (the AAD): the id the report is queued and sent with, on every attempt.
 */
export function sealContact(
  contact: ContactValues,
  key: CachedReporterKey,
  clientSubmissionId: string,
): Promise<IdentityEnvelope> {
  return sealIdentity(contact, key, clientSubmissionId);
}

/**
 * The key to seal to: asked of the server each time the fields appear (a rotation reaches the
 * form at once); the last one fetched when the server cannot be reached. A key cached before a
 * rotation still works: the server accepts envelopes sealed to any key it has, retired or not
 * (server/src/services/reports/check-identity-key.ts), and the holders keep its private key.
 */
async function resolveKey(signal: AbortSignal): Promise<ReporterKeyState> {
  const result = await fetchReporterKey(signal);
  if (result.ok) {
    await cacheReporterKey(result.data.key).catch(() => undefined);
    return result.data.key ? { status: 'ready', key: result.data.key } : { status: 'none' };
  }
  // 404 from an older server, 5xx or no network: whatever was fetched before, else nothing.
  const cached = await loadCachedReporterKey().catch(() => undefined);
  return cached ? { status: 'ready', key: cached } : { status: 'unavailable' };
}

export type ContactField = Extract<ReportField, 'contactName' | 'contactEmail' | 'contactPhone'>;

type Props = {
  contact: ContactValues;
  onChange: (field: keyof ContactValues, value: string) => void;
  keyState: ReporterKeyState;
  onKeyState: (state: ReporterKeyState) => void;
  errors: Partial<Record<ContactField, string>>;
  /** A sealed identity from a refused report is kept: typing replaces it. */
  kept: boolean;
};

const FIELDS: ReadonlyArray<{
  field: ContactField;
  name: keyof ContactValues;
  type: 'text' | 'email' | 'tel';
  max: number;
  label: 'report.who.name' | 'report.who.email' | 'report.who.phone';
}> = [
  { field: 'contactName', name: 'name', type: 'text', max: REPORT_LIMITS.contactName, label: 'report.who.name' },
  { field: 'contactEmail', name: 'email', type: 'email', max: REPORT_LIMITS.contactEmail, label: 'report.who.email' },
  { field: 'contactPhone', name: 'phone', type: 'tel', max: REPORT_LIMITS.contactPhone, label: 'report.who.phone' },
];

/** Name, email and phone of a named report's contact, sealed on this device when it is sent. */
export function SealedContactFields({ contact, onChange, keyState, onKeyState, errors, kept }: Props) {
  const { t } = useTranslation();

  useEffect(() => {
    const controller = new AbortController();
    const resolve = () => {
      resolveKey(controller.signal).then(
        (state) => {
          if (!controller.signal.aborted) onKeyState(state);
        },
        () => undefined, // aborted: the fields are gone
      );
    };
    resolve();
    // Out of reach offline: tried again when the network returns.
    const retry = () => resolve();
    window.addEventListener('online', retry);
    return () => {
      controller.abort();
      window.removeEventListener('online', retry);
    };
    // onKeyState is the form's state setter, stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <fieldset className="field fieldset contact-fields" aria-describedby="report-contact-sealed">
      <legend>{t('report.who.contactLegend')}</legend>
      <p id="report-contact-sealed" className="hint">
        {t('report.who.contactSealed')}
      </p>
      {keyState.status === 'loading' && (
        <p className="hint" role="status">
          {t('report.who.contactLoading')}
        </p>
      )}
      {(keyState.status === 'none' || keyState.status === 'unavailable') && (
        <p className="notice" role="status" data-testid="contact-unavailable">
          {t(keyState.status === 'none' ? 'report.who.contactNoKey' : 'report.who.contactOffline')}
        </p>
      )}
      {keyState.status === 'ready' && (
        <>
          <p id="report-contact-not-saved" className="hint">
            {t('report.who.contactNotSaved')}
          </p>
          {kept && <p className="hint contact-kept">{t('report.who.contactKept')}</p>}
          {FIELDS.map(({ field, name, type, max, label }) => {
            const error = errors[field];
            const describedBy = [error ? reportErrorId(field) : '', 'report-contact-not-saved'].filter(Boolean);
            return (
              <div key={field} className={`field${error ? ' field-invalid' : ''}`}>
                <label htmlFor={reportFieldId(field)}>{t(label)}</label>
                <FieldError id={reportErrorId(field)} text={error} />
                {/* Off: the browser neither offers nor keeps what was typed (a shared phone's
                    next user would see it in the suggestions). */}
                <input
                  id={reportFieldId(field)}
                  name={name}
                  type={type}
                  autoComplete="off"
                  inputMode={type === 'tel' ? 'tel' : undefined}
                  maxLength={max}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy.join(' ')}
                  value={contact[name]}
                  onChange={(e) => onChange(name, e.target.value)}
                />
              </div>
            );
          })}
        </>
      )}
    </fieldset>
  );
}
