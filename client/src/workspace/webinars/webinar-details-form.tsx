import { CATALOG_LANGUAGES, fieldErrorsFromZod, type TAdminWebinar, type TLanguage } from '@convene/shared';
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary, type SummaryItem } from '../../common/components/error-summary';
import { zoneChoices, zoneLabel } from '../../common/components/time-zone-context';
import { loadAdminSchemas } from '../api/admin-request';
import { createWebinar, updateWebinar } from '../api/endpoints';
import { useErrorText, useFieldErrorText } from '../components/errors';
import { useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';
import {
  formFieldOf,
  initialValues,
  startsAtOf,
  toWebinarBody,
  type WebinarField,
  type WebinarValues,
} from './webinar-form-values';
import { FIELD_ORDER, useWebinarFieldLabels } from './webinar-field-labels';

type Props = { webinar: TAdminWebinar | null; onSaved: (webinar: TAdminWebinar) => void };

/**
 * Schedules a webinar (webinar null) or edits one: its texts, settings and start. Only what
 * changed is sent, so a new start (a reschedule) is a PATCH of startsAt the server mails about.
 */
export function WebinarDetailsForm({ webinar, onSaved }: Props) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const format = useInstantFormat();
  const fieldText = useFieldErrorText();
  const errorText = useErrorText();
  const [announce, liveRegion] = useAnnouncer();
  const fieldLabel = useWebinarFieldLabels();
  const initial = useMemo(() => initialValues(webinar, format.zone), [webinar, format.zone]);
  const [values, setValues] = useState<WebinarValues>(initial);
  const [errors, setErrors] = useState<Partial<Record<WebinarField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const save = useAction((body: object) =>
    webinar ? updateWebinar(webinar.id, body) : createWebinar(body as Parameters<typeof createWebinar>[0]),
  );

  const set = <K extends keyof WebinarValues>(key: K, value: WebinarValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const fail = (fieldErrors: Partial<Record<WebinarField, string>>, form: string | null) => {
    setErrors(fieldErrors);
    setFormError(form);
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = toWebinarBody(values, webinar === null);
    if (!built.ok) {
      return fail(Object.fromEntries(Object.entries(built.errors).map(([k, code]) => [k, fieldText(code)])), null);
    }
    let body: object = built.body;
    if (webinar) {
      const before = toWebinarBody(initial, false);
      const old = (before.ok ? before.body : {}) as Record<string, unknown>;
      body = Object.fromEntries(
        Object.entries(built.body).filter(([key, value]) => JSON.stringify(old[key]) !== JSON.stringify(value)),
      );
      if (Object.keys(body).length === 0) {
        setErrors({});
        setFormError(null);
        announce(t('admin.webinars.form.noChanges'));
        return;
      }
    }
    // The server's own schema, checked here first: the same messages, without a round trip.
    const schemas = await loadAdminSchemas().catch(() => null);
    if (schemas) {
      const parsed = (webinar ? schemas.ZUpdateWebinar : schemas.ZCreateWebinar).safeParse(body);
      if (!parsed.success) {
        const found: Partial<Record<WebinarField, string>> = {};
        for (const [name, error] of Object.entries(fieldErrorsFromZod(parsed.error))) {
          const field = formFieldOf(name);
          if (field && !found[field]) found[field] = fieldText(error.code);
        }
        if (Object.keys(found).length > 0) return fail(found, null);
      }
    }
    const saved = await save.run(body);
    if (saved) {
      setErrors({});
      setFormError(null);
      announce(webinar ? t('admin.webinars.form.saved') : t('admin.webinars.form.created'));
      onSaved(saved);
      return;
    }
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  // Server answers: field errors next to their fields, anything else above the form.
  const serverFieldErrors: Partial<Record<WebinarField, string>> = {};
  for (const [name, error] of Object.entries(save.error?.fields ?? {})) {
    const field = formFieldOf(name);
    if (field && !serverFieldErrors[field]) serverFieldErrors[field] = fieldText(error.code);
  }
  const shown: Partial<Record<WebinarField, string>> = { ...serverFieldErrors, ...errors };
  // A plain "validation failed" says nothing the fields do not; any other code (slug taken…) does.
  const serverFormError =
    save.error && (Object.keys(serverFieldErrors).length === 0 || save.error.code !== 'validation_failed')
      ? errorText(save.error)
      : null;

  const idOf = (field: WebinarField) => (field === 'languages' ? 'wf-languages-en' : `wf-${field}`);
  const items: SummaryItem[] = [
    ...((formError ?? serverFormError) ? [{ text: (formError ?? serverFormError)! }] : []),
    ...(Object.entries(shown) as [WebinarField, string][])
      .sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b))
      .map(([field, text]) => ({
        targetId: idOf(field),
        label: fieldLabel[field],
        text,
      })),
  ];

  const row = (field: WebinarField, control: (a11y: object) => ReactNode, hint?: string) => {
    const id = `wf-${field}`;
    const error = shown[field];
    const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
    return (
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{fieldLabel[field]}</label>
        {hint && (
          <span id={`${id}-hint`} className="hint">
            {hint}
          </span>
        )}
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
        {control({
          id,
          name: field,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy || undefined,
        })}
      </div>
    );
  };

  const startsAt = startsAtOf(values);
  const zones = zoneChoices(values.hostTimeZone);

  return (
    <form className="form webinar-form" noValidate onSubmit={submit} data-testid="webinar-form">
      {liveRegion}
      {items.length > 0 && <ErrorSummary ref={summaryRef} items={items} />}
      {!webinar &&
        row(
          'slug',
          (a) => (
            <input {...a} type="text" dir="ltr" value={values.slug} onChange={(e) => set('slug', e.target.value)} />
          ),
          t('admin.webinars.form.slugHint'),
        )}
      <div className="form-columns">
        {row('kind', (a) => (
          <select {...a} value={values.kind} onChange={(e) => set('kind', e.target.value as WebinarValues['kind'])}>
            <option value="orientation">{t('admin.webinars.kinds.orientation')}</option>
            <option value="thematic">{t('admin.webinars.kinds.thematic')}</option>
          </select>
        ))}
        {row('themeSlug', (a) => (
          <select {...a} value={values.themeSlug} onChange={(e) => set('themeSlug', e.target.value)}>
            <option value="" disabled>
              —
            </option>
            {labels.themeList.map((theme) => (
              <option key={theme.slug} value={theme.slug}>
                {labels.theme(theme.slug)}
              </option>
            ))}
          </select>
        ))}
      </div>
      <fieldset className="fieldset">
        <legend>{t('admin.webinars.name')}</legend>
        <p className="hint">{t('admin.webinars.form.textsHint')}</p>
        {CATALOG_LANGUAGES.map((l) => (
          <div key={l} className="language-texts" lang={l}>
            {row(`title-${l}`, (a) => (
              <input
                {...a}
                type="text"
                dir="auto"
                value={values.title[l]}
                onChange={(e) => set('title', { ...values.title, [l]: e.target.value })}
              />
            ))}
            {row(`description-${l}`, (a) => (
              <textarea
                {...a}
                rows={3}
                dir="auto"
                value={values.description[l]}
                onChange={(e) => set('description', { ...values.description, [l]: e.target.value })}
              />
            ))}
          </div>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('admin.webinars.startsAt')}</legend>
        <p className="hint">{t('admin.webinars.form.whenHint')}</p>
        {webinar && <p className="hint">{t('admin.webinars.form.rescheduleNotice')}</p>}
        <div className="form-columns">
          {row('date', (a) => (
            <input {...a} type="date" value={values.date} onChange={(e) => set('date', e.target.value)} />
          ))}
          {row('time', (a) => (
            <input {...a} type="time" value={values.time} onChange={(e) => set('time', e.target.value)} />
          ))}
          {row('hostTimeZone', (a) => (
            <select {...a} value={values.hostTimeZone} onChange={(e) => set('hostTimeZone', e.target.value)}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {zoneLabel(z)}
                </option>
              ))}
            </select>
          ))}
        </div>
        <p aria-live="polite" data-testid="starts-preview">
          {startsAt ? t('admin.webinars.form.startsPreview', { time: format.full(startsAt) }) : ''}
        </p>
      </fieldset>
      <div className="form-columns">
        {row('durationMinutes', (a) => (
          <input
            {...a}
            type="number"
            inputMode="numeric"
            min={15}
            max={1440}
            value={values.durationMinutes}
            onChange={(e) => set('durationMinutes', e.target.value)}
          />
        ))}
        {row(
          'capacity',
          (a) => (
            <input
              {...a}
              type="number"
              inputMode="numeric"
              min={1}
              value={values.capacity}
              onChange={(e) => set('capacity', e.target.value)}
            />
          ),
          t('admin.webinars.form.capacityHint'),
        )}
        {row('status', (a) => (
          <select
            {...a}
            value={values.status}
            onChange={(e) => set('status', e.target.value as WebinarValues['status'])}
          >
            <option value="scheduled">{t('admin.webinars.statuses.scheduled')}</option>
            <option value="draft">{t('admin.webinars.statuses.draft')}</option>
          </select>
        ))}
      </div>
      <fieldset
        className={`fieldset${shown.languages ? ' field-invalid' : ''}`}
        aria-describedby={shown.languages ? 'wf-languages-error' : undefined}
      >
        <legend>{fieldLabel.languages}</legend>
        {shown.languages && (
          <p id="wf-languages-error" className="field-error">
            {shown.languages}
          </p>
        )}
        <ul className="options options-inline">
          {CATALOG_LANGUAGES.map((l: TLanguage) => (
            <li key={l} className="checkbox">
              <input
                id={`wf-languages-${l}`}
                type="checkbox"
                name="languages"
                value={l}
                checked={values.languages.includes(l)}
                onChange={(e) =>
                  set(
                    'languages',
                    e.target.checked
                      ? CATALOG_LANGUAGES.filter((x) => x === l || values.languages.includes(x))
                      : values.languages.filter((x) => x !== l),
                  )
                }
              />
              <label htmlFor={`wf-languages-${l}`}>{labels.language(l)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      {row(
        'joinUrl',
        (a) => (
          <input {...a} type="url" dir="ltr" value={values.joinUrl} onChange={(e) => set('joinUrl', e.target.value)} />
        ),
        t('admin.webinars.form.joinUrlHint'),
      )}
      {row(
        'reminders',
        (a) => (
          <input
            {...a}
            type="text"
            dir="ltr"
            value={values.reminders}
            onChange={(e) => set('reminders', e.target.value)}
          />
        ),
        t('admin.webinars.form.remindersHint'),
      )}
      <button type="submit" className="button" disabled={save.busy} data-testid="save-webinar">
        {save.busy ? t('admin.saving') : webinar ? t('admin.webinars.form.save') : t('admin.webinars.form.create')}
      </button>
    </form>
  );
}
