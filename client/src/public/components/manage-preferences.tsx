import { CATALOG_LANGUAGES, isLanguage, type TLanguage, type TManagedRegistration } from '@convene/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorKeyOf, fieldErrorKey, type ErrorKey } from '../../common/api/error-key';
import { useTimeZone, zoneChoices, zoneLabel } from '../../common/components/time-zone-context';
import { changeLanguage, endonym } from '../../common/i18n/setup';
import { useTranslation } from '../../common/i18n/use-translation';
import { updateManagedRegistration } from '../api/registrations';

type Props = {
  token: string;
  registration: TManagedRegistration['registration'];
  onUpdated: (managed: TManagedRegistration) => void;
  /** The token stopped being valid since the page loaded. */
  onGone: () => void;
};

/**
 * The language and time zone of the registrant's later mails. The server renders every mail
 * from the registration at send time, so saving here is all it takes. A changed language or
 * zone becomes the page's own too (UI language, display zone), so the page matches the mails.
 */
export function ManagePreferences({ token, registration, onUpdated, onGone }: Props) {
  const { t, language: uiLanguage } = useTranslation();
  const { setZone } = useTimeZone();
  const [language, setLanguage] = useState<TLanguage>(registration.language);
  const [timeZone, setTimeZone] = useState(registration.timeZone);
  const [sending, setSending] = useState(false);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<ErrorKey[]>([]);
  const [failures, setFailures] = useState(0);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failures > 0) alertRef.current?.focus();
  }, [failures]);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setSaved(false);
    setErrors([]);
    const result = await updateManagedRegistration(token, { language, timeZone });
    if (result.ok) {
      const next = result.data.registration;
      onUpdated(result.data);
      // What changed, the page follows too; a save of unchanged choices leaves the page as the reader set it.
      if (next.timeZone !== registration.timeZone) setZone(next.timeZone);
      // Announced in the language just chosen; a catalog that cannot be fetched leaves the page as it is.
      if (next.language !== registration.language && next.language !== uiLanguage) {
        await changeLanguage(next.language).catch(() => undefined);
      }
      setSending(false);
      setSaved(true);
      return;
    }
    setSending(false);
    if (result.error.status === 404) {
      onGone();
      return;
    }
    const fields = result.error.status === 400 ? Object.values(result.error.fields ?? {}) : [];
    setErrors(fields.length > 0 ? fields.map((f) => fieldErrorKey(f.code)) : [errorKeyOf(result.error)]);
    setFailures((n) => n + 1);
  }

  const changed = () => {
    setSaved(false);
    setErrors([]);
  };

  return (
    <section className="manage-section" aria-labelledby="manage-preferences-title">
      <h2 id="manage-preferences-title">{t('manageSelfService.preferencesTitle')}</h2>
      <p id="manage-preferences-hint" className="hint">
        {t('manageSelfService.preferencesHint')}
      </p>
      <form
        className="form manage-preferences"
        noValidate
        aria-describedby="manage-preferences-hint"
        aria-busy={sending}
        onSubmit={(e) => void save(e)}
        data-testid="manage-preferences"
      >
        {errors.length > 0 && (
          <div ref={alertRef} className="notice notice-error" role="alert" tabIndex={-1}>
            {errors.map((key) => (
              <p key={key}>{t(`errors.${key}`)}</p>
            ))}
          </div>
        )}
        <div className="field">
          <label htmlFor="manage-language">{t('form.language')}</label>
          <select
            id="manage-language"
            name="language"
            value={language}
            onChange={(e) => {
              if (!isLanguage(e.target.value)) return;
              setLanguage(e.target.value);
              changed();
            }}
          >
            {CATALOG_LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {endonym(l)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="manage-time-zone">{t('form.timeZone')}</label>
          <select
            id="manage-time-zone"
            name="timeZone"
            value={timeZone}
            onChange={(e) => {
              setTimeZone(e.target.value);
              changed();
            }}
          >
            {zoneChoices(timeZone).map((z) => (
              <option key={z} value={z}>
                {zoneLabel(z)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" data-testid="manage-save" disabled={sending}>
          {sending ? t('manageSelfService.saving') : t('manageSelfService.save')}
        </button>
        {/* Always in the page, so screen readers announce what appears in it. */}
        <div role="status" className="manage-saved" data-testid="manage-saved">
          {saved && <p className="notice notice-success">{t('manageSelfService.saved')}</p>}
        </div>
      </form>
    </section>
  );
}
