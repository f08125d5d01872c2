import {
  COUNTRY_CODES,
  countryOptions,
  currentConsentVersion,
  fieldErrorsFromZod,
  HONEYPOT_FIELD,
  isValidTimeZone,
  LANGUAGES,
  ZCreateRegistration,
  ZLanguage,
  type TFieldError,
  type TLanguage,
  type TPublicWebinar,
  type TRegistrationResult,
} from '@convene/shared';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../common/i18n/use-translation';
import { errorKeyOf, fieldErrorKey, type ErrorKey } from '../../common/api/error-key';
import { limitText } from '../../common/api/limit-text';
import { HoneypotField } from './honeypot-field';
import { PrivacyLink } from './privacy-link';
import type { InvitationPrefill } from '../api/invitations';
import { register } from '../api/webinars';
import { endonym } from '../../common/i18n/setup';
import { ErrorSummary, type SummaryItem } from '../../common/components/error-summary';
import { useTimeZone, zoneChoices, zoneLabel } from '../../common/components/time-zone-context';
import { useLanguage } from './use-language';

/** Field names: the `name` attributes (tests fill by them) and the API's field keys. */
const FIELDS = ['name', 'email', 'organization', 'country', 'language', 'timeZone', 'consent'] as const;
type Field = (typeof FIELDS)[number];

type Values = {
  name: string;
  email: string;
  organization: string;
  country: string;
  /** null = follow the UI language until the reader picks one. */
  language: TLanguage | null;
  /** null = follow the display zone until the reader picks one. */
  timeZone: string | null;
  consent: boolean;
};

const EMPTY: Values = {
  name: '',
  email: '',
  organization: '',
  country: '',
  language: null,
  timeZone: null,
  consent: false,
};

/** An invitation's details in the fields the reader has not filled in yet; never the consent. */
function withPrefill(values: Values, prefill: InvitationPrefill): Values {
  const country = prefill.country?.trim().toUpperCase() ?? '';
  const zone = prefill.timeZone;
  return {
    ...values,
    name: values.name.trim() ? values.name : prefill.name,
    email: values.email.trim() ? values.email : prefill.email,
    organization: values.organization.trim() ? values.organization : prefill.organization,
    country: values.country || (COUNTRY_CODES.includes(country) ? country : ''),
    language: values.language ?? prefill.language,
    // No zone on the invitation: keep following the detected one.
    timeZone: values.timeZone ?? (zone && isValidTimeZone(zone) ? zone : null),
  };
}

type Failure =
  | { kind: 'fields'; fields: Record<string, TFieldError> }
  /** `text`: a limit's own message (how long to wait), instead of the error key's. */
  | { kind: 'general'; error: ErrorKey; text?: string };

const fieldId = (field: Field) => `registration-${field}`;
const errorId = (field: Field) => `registration-${field}-error`;

type Props = {
  webinar: TPublicWebinar;
  onRegistered: (result: TRegistrationResult) => void;
  /** Details from an invitation link; they may arrive after the reader has started typing. */
  prefill?: InvitationPrefill | null;
};

/** The registration form: checked with the shared schema here, and again by the server. */
export function RegistrationForm({ webinar, onRegistered, prefill = null }: Props) {
  const { t, language: catalogLanguage } = useTranslation();
  const uiLanguage = useLanguage();
  const { zone: displayZone } = useTimeZone();
  const [values, setValues] = useState<Values>(EMPTY);
  const [trap, setTrap] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  // Bumped on every failed submit so focus moves to the problems again, even if unchanged.
  const [failedAttempts, setFailedAttempts] = useState(0);
  const [sending, setSending] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const countries = useMemo(() => countryOptions(uiLanguage), [uiLanguage]);

  const language = values.language ?? uiLanguage;
  const timeZone = values.timeZone ?? displayZone;

  useEffect(() => {
    if (failedAttempts > 0) alertRef.current?.focus();
  }, [failedAttempts]);

  useEffect(() => {
    if (prefill) setValues((v) => withPrefill(v, prefill));
  }, [prefill]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const fail = (next: Failure) => {
    setFailure(next);
    setFailedAttempts((n) => n + 1);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = ZCreateRegistration.safeParse({
      name: values.name,
      email: values.email,
      organization: values.organization,
      country: values.country,
      language,
      timeZone,
      consent: values.consent,
      consentVersion: currentConsentVersion('registration'),
    });
    if (!parsed.success) {
      fail({ kind: 'fields', fields: fieldErrorsFromZod(parsed.error) });
      return;
    }
    setSending(true);
    const result = await register(webinar.slug, trap ? { ...parsed.data, [HONEYPOT_FIELD]: trap } : parsed.data);
    setSending(false);
    if (result.ok) {
      setFailure(null);
      onRegistered(result.data);
    } else if (result.error.status === 400 && result.error.fields) {
      fail({ kind: 'fields', fields: result.error.fields });
    } else {
      const text = limitText(t, catalogLanguage, result.error) ?? undefined;
      fail({ kind: 'general', error: errorKeyOf(result.error), ...(text ? { text } : {}) });
    }
  }

  const fieldErrors = failure?.kind === 'fields' ? failure.fields : {};
  const errorOf = (field: Field): string | undefined => {
    const error = fieldErrors[field];
    return error ? t(`errors.${fieldErrorKey(error.code)}`) : undefined;
  };
  const labels: Record<Field, string> = {
    name: t('form.name'),
    email: t('form.email'),
    organization: t('form.organization'),
    country: t('form.country'),
    language: t('form.language'),
    timeZone: t('form.timeZone'),
    consent: t('form.consent'),
  };
  const summary: SummaryItem[] = [
    ...FIELDS.filter((f) => fieldErrors[f]).map((f) => ({
      targetId: fieldId(f),
      // The consent "label" is a whole sentence; its message says what is missing on its own.
      label: f === 'consent' ? undefined : labels[f],
      text: errorOf(f) ?? '',
    })),
    // Problems the form has no field for (an unknown key, the body as a whole).
    ...Object.entries(fieldErrors)
      .filter(([key]) => !(FIELDS as readonly string[]).includes(key))
      .map(([, error]) => ({ text: t(`errors.${fieldErrorKey(error.code)}`) })),
  ];

  /** The accessibility wiring every control shares: id, name, invalid state, error link. */
  const control = (field: Field) => ({
    id: fieldId(field),
    name: field,
    'aria-invalid': fieldErrors[field] ? true : undefined,
    'aria-describedby': fieldErrors[field] ? errorId(field) : undefined,
  });

  return (
    <form className="form" noValidate onSubmit={submit} aria-busy={sending}>
      {failure?.kind === 'fields' && summary.length > 0 && <ErrorSummary ref={alertRef} items={summary} />}
      {failure?.kind === 'general' && (
        <div ref={alertRef} className="notice notice-error" role="alert" tabIndex={-1}>
          <p>{failure.text ?? t(`errors.${failure.error}`)}</p>
        </div>
      )}

      <FieldRow field="name" label={labels.name} error={errorOf('name')}>
        <input
          {...control('name')}
          type="text"
          autoComplete="name"
          required
          maxLength={200}
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
        />
      </FieldRow>

      <FieldRow field="email" label={labels.email} error={errorOf('email')}>
        <input
          {...control('email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          dir="ltr"
          required
          maxLength={254}
          value={values.email}
          onChange={(e) => set('email', e.target.value)}
        />
      </FieldRow>

      <FieldRow
        field="organization"
        label={
          <>
            {labels.organization} <span className="optional">({t('form.optional')})</span>
          </>
        }
        error={errorOf('organization')}
      >
        <input
          {...control('organization')}
          type="text"
          autoComplete="organization"
          maxLength={200}
          value={values.organization}
          onChange={(e) => set('organization', e.target.value)}
        />
      </FieldRow>

      <FieldRow field="country" label={labels.country} error={errorOf('country')}>
        <select
          {...control('country')}
          autoComplete="country"
          required
          value={values.country}
          onChange={(e) => set('country', e.target.value)}
        >
          <option value="">{t('form.chooseCountry')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </FieldRow>

      <FieldRow field="language" label={labels.language} error={errorOf('language')}>
        <select
          {...control('language')}
          required
          value={language}
          onChange={(e) => {
            const next = ZLanguage.safeParse(e.target.value);
            if (next.success) set('language', next.data);
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {endonym(l)}
            </option>
          ))}
        </select>
      </FieldRow>

      <FieldRow field="timeZone" label={labels.timeZone} error={errorOf('timeZone')}>
        <select {...control('timeZone')} required value={timeZone} onChange={(e) => set('timeZone', e.target.value)}>
          {zoneChoices(timeZone).map((z) => (
            <option key={z} value={z}>
              {zoneLabel(z)}
            </option>
          ))}
        </select>
      </FieldRow>

      <div className={`field field-checkbox${fieldErrors.consent ? ' field-invalid' : ''}`}>
        {fieldErrors.consent && (
          <p id={errorId('consent')} className="field-error">
            {errorOf('consent')}
          </p>
        )}
        <div className="checkbox">
          <input
            {...control('consent')}
            type="checkbox"
            required
            value="true"
            checked={values.consent}
            onChange={(e) => set('consent', e.target.checked)}
          />
          <label htmlFor={fieldId('consent')}>{labels.consent}</label>
        </div>
        <p className="hint">
          <PrivacyLink long />
        </p>
      </div>

      <HoneypotField id="registration-website" value={trap} onChange={setTrap} />

      <button type="submit" className="button" disabled={sending}>
        {sending ? t('form.submitting') : t('form.submit')}
      </button>
    </form>
  );
}

type FieldRowProps = { field: Field; label: ReactNode; error: string | undefined; children: ReactNode };

/** Label, error message (before the control, where a screen reader meets it) and control. */
function FieldRow({ field, label, error, children }: FieldRowProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={fieldId(field)}>{label}</label>
      {error && (
        <p id={errorId(field)} className="field-error">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}
