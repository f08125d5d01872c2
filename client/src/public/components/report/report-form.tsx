import {
  AFFECTED_GROUPS,
  countryOptions,
  fieldErrorsFromZod,
  HONEYPOT_FIELD,
  REGIONS,
  REPORT_LIMITS,
  type TCreateReport,
  type TFieldError,
  type TReportConsent,
  type TTheme,
} from '@convene/shared';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrorKey } from '../../../common/api/error-key';
import { loadApiSchemas } from '../../../common/api/http';
import type { TranslationKey } from '../../../common/i18n/translate';
import { useTranslation } from '../../../common/i18n/use-translation';
import { saveDraft } from '../../offline/report-draft';
import { enqueueReport } from '../../offline/report-queue';
import { HoneypotField } from '../honeypot-field';
import { ErrorSummary, type SummaryItem } from '../../../common/components/error-summary';
import { CountryPicker } from './country-picker';
import { PrivacyLink } from '../privacy-link';
import { FieldError } from './field-error';
import {
  fieldOfPath,
  hasContent,
  REPORT_FIELDS,
  reportErrorId,
  reportFieldId,
  toReportInput,
  type ReportField,
  type ReportValues,
} from './report-values';
import { ThemePicker } from './theme-picker';
import {
  emptyContact,
  isEmptyContact,
  loadSealedContact,
  type ContactValues,
  type ReporterKeyState,
  type SealedContactModule,
} from './contact-values';

type Props = {
  themes: TTheme[];
  initial: ReportValues;
  /** Field errors to show at once (a report the server refused, reopened to correct). */
  initialErrors?: Record<string, TFieldError>;
  /** The report is in the device's queue (and maybe already sent). */
  onSubmitted: (clientSubmissionId: string) => void;
};

const DRAFT_DELAY_MS = 400;
const CONSENTS: readonly TReportConsent[] = ['attributed', 'anonymized', 'coordinators_only'];

/** ZReporterIdentity's paths (name, email, phone) as the form's contact fields. */
const CONTACT_FIELD_OF = { name: 'contactName', email: 'contactEmail', phone: 'contactPhone' } as const;
const contactErrors = (errors: Record<string, TFieldError>): Record<string, TFieldError> =>
  Object.fromEntries(
    Object.entries(errors).map(([path, error]) => [
      CONTACT_FIELD_OF[path as keyof typeof CONTACT_FIELD_OF] ?? 'contactName',
      error,
    ]),
  );

/** Field errors by form field; the first problem of a field wins. */
function byField(errors: Record<string, TFieldError>): Partial<Record<ReportField, TFieldError>> {
  const fields: Partial<Record<ReportField, TFieldError>> = {};
  for (const [path, error] of Object.entries(errors)) {
    const field = fieldOfPath(path) ?? 'barriers';
    fields[field] ??= error;
  }
  return fields;
}

/**
 * The regional input form. Every change is saved on the device; sending puts the report in
 * the device's queue first, so it survives a lost connection, a reload or a closed tab.
 */
export function ReportForm({ themes, initial, initialErrors, onSubmitted }: Props) {
  const { t, language } = useTranslation();
  const [values, setValues] = useState<ReportValues>(initial);
  const [trap, setTrap] = useState('');
  const [errors, setErrors] = useState<Partial<Record<ReportField, TFieldError>>>(() => byField(initialErrors ?? {}));
  const [failedAttempts, setFailedAttempts] = useState(initialErrors ? 1 : 0);
  // The values last written to the device: "saved" shows only while they are the current ones.
  const [savedValues, setSavedValues] = useState<ReportValues | null>(null);
  const [sending, setSending] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  // The contact's name, email and phone: in memory only, never in `values` (the draft).
  const [contact, setContact] = useState<ContactValues>(emptyContact);
  const [keyState, setKeyState] = useState<ReporterKeyState>({ status: 'loading' });
  const [sealedContact, setSealedContact] = useState<SealedContactModule | 'failed' | null>(null);
  const countries = useMemo(() => countryOptions(language), [language]);

  useEffect(() => {
    if (failedAttempts > 0) summaryRef.current?.focus();
  }, [failedAttempts]);

  // Drafts are saved as the reporter types (debounced), so nothing is lost on reload.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      void saveDraft(values).then(() => setSavedValues(values));
    }, DRAFT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [values]);

  const set = <K extends keyof ReportValues>(key: K, value: ReportValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // A field the reader has just changed no longer shows its old error.
    const field = fieldOfPath(key === 'reporterKind' ? 'reporter' : key);
    if (field && errors[field]) {
      setErrors((current) => {
        const next = { ...current };
        delete next[field];
        return next;
      });
    }
  };

  const anonymous = values.reporterKind === 'anonymous';

  // The contact fields and the sealing code download only for a named report.
  useEffect(() => {
    if (anonymous) return;
    if (sealedContact === 'failed') {
      // Offline before the chunk was ever cached: tried again when the network returns.
      const retry = () => setSealedContact(null);
      window.addEventListener('online', retry);
      return () => window.removeEventListener('online', retry);
    }
    if (sealedContact) return;
    let current = true;
    loadSealedContact().then(
      (module) => current && setSealedContact(module),
      () => current && setSealedContact('failed'),
    );
    return () => {
      current = false;
    };
  }, [anonymous, sealedContact]);

  const setContactField = (name: keyof ContactValues, value: string) => {
    setContact((c) => ({ ...c, [name]: value }));
    const field = CONTACT_FIELD_OF[name];
    if (errors[field]) {
      setErrors((current) => {
        const next = { ...current };
        delete next[field];
        return next;
      });
    }
  };

  /**
   * The envelope this report goes with, sealed now from what was typed — before anything is
   * queued — or the one kept from a refused report, or none; errors when the typed details are
   * not valid or cannot be sealed (no key), in which case nothing is sent.
   */
  async function sealTyped(
    schemas: Awaited<ReturnType<typeof loadApiSchemas>> | null,
  ): Promise<{ identity: ReportValues['sealedIdentity']; errors: Record<string, TFieldError> }> {
    if (anonymous) return { identity: null, errors: {} };
    if (isEmptyContact(contact)) return { identity: values.sealedIdentity, errors: {} };
    const checked = schemas?.ZReporterIdentity.safeParse(contact);
    if (checked && !checked.success)
      return { identity: null, errors: contactErrors(fieldErrorsFromZod(checked.error)) };
    if (keyState.status !== 'ready' || !sealedContact || sealedContact === 'failed') {
      return { identity: null, errors: { contactName: { code: 'invalid_identity', message: 'invalid_identity' } } };
    }
    const clear = checked ? checked.data : contact;
    return {
      identity: await sealedContact.sealContact(clear, keyState.key, values.clientSubmissionId),
      errors: {},
    };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    // The shared schema checks it here as the server will. Should its code not arrive (offline
    // before the site was cached), the report is queued unchecked: the server checks it, and a
    // refusal comes back to this device to be corrected.
    const schemas = await loadApiSchemas().catch(() => null);
    const sealed = await sealTyped(schemas);
    const input = toReportInput(values, language, sealed.identity);
    const parsed = schemas?.ZCreateReport.safeParse(input);
    const problems = { ...sealed.errors, ...(parsed && !parsed.success ? fieldErrorsFromZod(parsed.error) : {}) };
    if (Object.keys(problems).length > 0) {
      setSending(false);
      setErrors(byField(problems));
      setFailedAttempts((n) => n + 1);
      return;
    }
    setErrors({});
    await saveDraft(values);
    const body = parsed?.success ? parsed.data : (input as TCreateReport);
    // The trap field goes along only when something filled it: the server then refuses the report.
    await enqueueReport(trap ? ({ ...body, [HONEYPOT_FIELD]: trap } as TCreateReport) : body);
    setSending(false);
    onSubmitted(values.clientSubmissionId);
  }

  const errorText = (field: ReportField) => {
    const error = errors[field];
    return error ? t(`errors.${fieldErrorKey(error.code)}`) : undefined;
  };
  const labels: Record<ReportField, string> = {
    reporter: t('report.who.legend'),
    organization: t('report.who.organization'),
    contactName: t('report.who.name'),
    contactEmail: t('report.who.email'),
    contactPhone: t('report.who.phone'),
    region: t('report.where.region'),
    countries: t('report.where.countries'),
    corridorOrigin: t('report.where.origin'),
    corridorDestination: t('report.where.destination'),
    themes: t('report.themes.legend'),
    barriers: t('report.barriers.label'),
    recommendations: t('report.recommendations.label'),
    affectedGroups: t('report.groups.legend'),
    source: t('report.source.label'),
    consent: t('report.consent.legend'),
  };
  const summary: SummaryItem[] = REPORT_FIELDS.filter((f) => errors[f]).map((f) => ({
    targetId: reportFieldId(f),
    label: labels[f],
    text: errorText(f) ?? '',
  }));

  /** The accessibility wiring of a single control: id, name, invalid state, error and hints. */
  const control = (field: ReportField, ...hints: string[]) => {
    const describedBy = [errors[field] ? reportErrorId(field) : '', ...hints].filter(Boolean).join(' ');
    return {
      id: reportFieldId(field),
      name: field,
      'aria-invalid': errors[field] ? true : undefined,
      'aria-describedby': describedBy || undefined,
    };
  };
  const required = <span className="optional">({t('report.required')})</span>;
  const optional = <span className="optional">({t('form.optional')})</span>;

  return (
    <form className="form report-form" noValidate onSubmit={submit} aria-busy={sending}>
      {summary.length > 0 && <ErrorSummary ref={summaryRef} items={summary} />}

      <fieldset className="field fieldset">
        <legend>{t('report.who.legend')}</legend>
        <FieldError id={reportErrorId('reporter')} text={errorText('reporter')} />
        <div className="radio">
          <input
            {...control('reporter', 'report-anonymous-hint')}
            type="radio"
            value="anonymous"
            checked={anonymous}
            onChange={() => {
              // Nothing to attribute any more: an earlier "publish with our name" no longer holds.
              setValues((v) => ({
                ...v,
                reporterKind: 'anonymous',
                consent: v.consent === 'attributed' ? '' : v.consent,
              }));
              // Nor anything of who typed it: the contact details leave the page's memory.
              setContact(emptyContact());
            }}
          />
          <label htmlFor={reportFieldId('reporter')}>{t('report.who.anonymous')}</label>
        </div>
        <p id="report-anonymous-hint" className="hint">
          {t('report.who.anonymousHint')}
        </p>
        <div className="radio">
          <input
            id="report-reporter-named"
            name="reporter"
            type="radio"
            value="named"
            checked={!anonymous}
            onChange={() => set('reporterKind', 'named')}
          />
          <label htmlFor="report-reporter-named">{t('report.who.named')}</label>
        </div>
        {!anonymous && (
          <div className="nested">
            <Row
              field="organization"
              label={
                <>
                  {labels.organization} {required}
                </>
              }
              error={errorText('organization')}
            >
              {/* Identity fields: off, so the browser neither offers nor keeps what a reporter
                  typed (a shared phone's next user would see it in the suggestions). */}
              <input
                {...control('organization')}
                type="text"
                autoComplete="off"
                maxLength={REPORT_LIMITS.organization}
                value={values.organization}
                onChange={(e) => set('organization', e.target.value)}
              />
            </Row>
            {sealedContact === null && <p className="hint">{t('report.who.contactLoading')}</p>}
            {sealedContact === 'failed' && (
              <p className="notice" role="status" data-testid="contact-unavailable">
                {t('report.who.contactOffline')}
              </p>
            )}
            {sealedContact && sealedContact !== 'failed' && (
              <sealedContact.SealedContactFields
                contact={contact}
                onChange={setContactField}
                keyState={keyState}
                onKeyState={setKeyState}
                errors={{
                  contactName: errorText('contactName'),
                  contactEmail: errorText('contactEmail'),
                  contactPhone: errorText('contactPhone'),
                }}
                kept={values.sealedIdentity !== null}
              />
            )}
          </div>
        )}
        <p className="hint">
          <PrivacyLink long />
        </p>
      </fieldset>

      <fieldset className="field fieldset">
        <legend>{t('report.where.legend')}</legend>
        <Row
          field="region"
          label={
            <>
              {labels.region} {required}
            </>
          }
          error={errorText('region')}
        >
          <select
            {...control('region')}
            value={values.region}
            onChange={(e) => set('region', e.target.value as ReportValues['region'])}
          >
            <option value="">{t('report.where.chooseRegion')}</option>
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {t(`report.regions.${region}`)}
              </option>
            ))}
          </select>
        </Row>
        <CountryPicker
          region={values.region}
          countries={values.countries}
          onChange={(next) => set('countries', next)}
          error={errorText('countries')}
        />
        <fieldset className="field fieldset corridor">
          <legend>{t('report.where.corridor')}</legend>
          <p className="hint">{t('report.where.corridorHint')}</p>
          {(['corridorOrigin', 'corridorDestination'] as const).map((field) => (
            <Row key={field} field={field} label={labels[field]} error={errorText(field)}>
              <select {...control(field)} value={values[field]} onChange={(e) => set(field, e.target.value)}>
                <option value="">{t('report.where.none')}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Row>
          ))}
        </fieldset>
      </fieldset>

      <Row
        field="barriers"
        label={
          <>
            {labels.barriers} {required}
          </>
        }
        error={errorText('barriers')}
        hint={t('report.barriers.hint')}
      >
        <textarea
          {...control('barriers', 'report-barriers-hint', 'report-barriers-count')}
          rows={8}
          maxLength={REPORT_LIMITS.barriers}
          value={values.barriers}
          onChange={(e) => set('barriers', e.target.value)}
        />
        <Counter id="report-barriers-count" count={values.barriers.length} max={REPORT_LIMITS.barriers} />
      </Row>

      <Row
        field="recommendations"
        label={
          <>
            {labels.recommendations} {optional}
          </>
        }
        error={errorText('recommendations')}
        hint={t('report.recommendations.hint')}
      >
        <textarea
          {...control('recommendations', 'report-recommendations-hint', 'report-recommendations-count')}
          rows={6}
          maxLength={REPORT_LIMITS.recommendations}
          value={values.recommendations}
          onChange={(e) => set('recommendations', e.target.value)}
        />
        <Counter
          id="report-recommendations-count"
          count={values.recommendations.length}
          max={REPORT_LIMITS.recommendations}
        />
      </Row>

      <ThemePicker
        themes={themes}
        value={values.themes}
        onChange={(next) => set('themes', next)}
        text={`${values.barriers}\n${values.recommendations}`}
        error={errorText('themes')}
      />

      <fieldset className="field fieldset">
        <legend>
          {labels.affectedGroups} {optional}
        </legend>
        <FieldError id={reportErrorId('affectedGroups')} text={errorText('affectedGroups')} />
        <ul className="options options-columns">
          {AFFECTED_GROUPS.map((group, i) => {
            const id = i === 0 ? reportFieldId('affectedGroups') : `report-group-${group}`;
            return (
              <li key={group} className="checkbox">
                <input
                  id={id}
                  type="checkbox"
                  name="affectedGroups"
                  value={group}
                  checked={values.affectedGroups.includes(group)}
                  onChange={(e) =>
                    set(
                      'affectedGroups',
                      e.target.checked
                        ? [...values.affectedGroups, group]
                        : values.affectedGroups.filter((g) => g !== group),
                    )
                  }
                />
                <label htmlFor={id}>{t(`report.groups.${group}` as TranslationKey)}</label>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <Row field="source" label={labels.source} error={errorText('source')} hint={t('report.source.hint')}>
        <textarea
          {...control('source', 'report-source-hint')}
          rows={2}
          maxLength={REPORT_LIMITS.source}
          value={values.source}
          onChange={(e) => set('source', e.target.value)}
        />
      </Row>

      <fieldset
        className={`field fieldset${errors.consent ? ' field-invalid' : ''}`}
        aria-describedby={errors.consent ? reportErrorId('consent') : undefined}
      >
        <legend>
          {labels.consent} {required}
        </legend>
        <FieldError id={reportErrorId('consent')} text={errorText('consent')} />
        {CONSENTS.filter((c) => !(anonymous && c === 'attributed')).map((consent, i) => {
          const id = i === 0 ? reportFieldId('consent') : `report-consent-${consent}`;
          return (
            <div className="radio" key={consent}>
              <input
                id={id}
                type="radio"
                name="consent"
                value={consent}
                checked={values.consent === consent}
                aria-invalid={errors.consent ? true : undefined}
                onChange={() => set('consent', consent)}
              />
              <label htmlFor={id}>{t(`report.consent.${consent}`)}</label>
            </div>
          );
        })}
        <p className="hint">
          <PrivacyLink long />
        </p>
      </fieldset>

      <HoneypotField id="report-website" value={trap} onChange={setTrap} />

      <button type="submit" className="button" disabled={sending}>
        {sending ? t('report.sending') : t('report.submit')}
      </button>
      {savedValues === values && hasContent(values) && <p className="hint draft-saved">{t('report.draftSaved')}</p>}
    </form>
  );
}

type RowProps = {
  field: ReportField;
  label: ReactNode;
  error: string | undefined;
  hint?: string;
  children: ReactNode;
};

/** Label, hint, error (before the control, where a screen reader meets it), control. */
function Row({ field, label, error, hint, children }: RowProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={reportFieldId(field)}>{label}</label>
      {hint && (
        <p id={`report-${field}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={reportErrorId(field)} text={error} />
      {children}
    </div>
  );
}

function Counter({ id, count, max }: { id: string; count: number; max: number }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="hint counter">
      {t('report.characters', { count, max })}
    </p>
  );
}
