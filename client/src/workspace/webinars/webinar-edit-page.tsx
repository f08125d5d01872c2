import { CATALOG_LANGUAGES, fieldErrorsFromZod, type TAdminWebinar, type TLanguage } from '@convene/shared';
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { ErrorSummary, type SummaryItem } from '../../common/components/error-summary';
import { zoneChoices, zoneLabel } from '../../common/components/time-zone-context';
import { endonym } from '../../common/i18n/setup';
import { loadAdminSchemas } from '../api/admin-request';
import { cancelWebinar, completeWebinar, createWebinar, listWebinars, updateWebinar } from '../api/endpoints';
import { ErrorNotice, useErrorText, useFieldErrorText } from '../components/errors';
import { useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { PageTitle } from '../components/page-title';
import { useAction } from '../components/use-action';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useUser } from '../session/session';
import {
  formFieldOf,
  initialValues,
  startsAtOf,
  toWebinarBody,
  type WebinarField,
  type WebinarValues,
} from './webinar-form-values';

type Props = { webinar: TAdminWebinar | null; onSaved: (webinar: TAdminWebinar) => void };

/** The fields in the order the form shows them: the error summary lists them so. */
const FIELD_ORDER: WebinarField[] = [
  'slug',
  'kind',
  'themeSlug',
  ...CATALOG_LANGUAGES.flatMap((l): WebinarField[] => [`title-${l}`, `description-${l}`]),
  'date',
  'time',
  'hostTimeZone',
  'durationMinutes',
  'capacity',
  'status',
  'languages',
  'joinUrl',
  'reminders',
];

function WebinarForm({ webinar, onSaved }: Props) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const format = useInstantFormat();
  const fieldText = useFieldErrorText();
  const errorText = useErrorText();
  const [announce, liveRegion] = useAnnouncer();
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

  const fieldLabel: Record<string, string> = {
    slug: t('admin.webinars.form.slug'),
    kind: t('admin.webinars.kind'),
    themeSlug: t('admin.webinars.theme'),
    date: t('admin.webinars.form.date'),
    time: t('admin.webinars.form.time'),
    hostTimeZone: t('admin.webinars.form.hostTimeZone'),
    durationMinutes: t('admin.webinars.form.duration'),
    languages: t('admin.webinars.form.languages'),
    capacity: t('admin.webinars.form.capacity'),
    joinUrl: t('admin.webinars.form.joinUrl'),
    status: t('admin.webinars.form.status'),
    reminders: t('admin.webinars.form.reminders'),
  };
  for (const l of CATALOG_LANGUAGES) {
    fieldLabel[`title-${l}`] = t('admin.webinars.form.titleIn', { language: endonym(l) });
    fieldLabel[`description-${l}`] = t('admin.webinars.form.descriptionIn', { language: endonym(l) });
  }
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

function CancelWebinar({ webinar, onDone }: { webinar: TAdminWebinar; onDone: (w: TAdminWebinar) => void }) {
  const { t } = useAdminTranslation();
  const [confirming, setConfirming] = useState(false);
  const action = useAction(() => cancelWebinar(webinar.id));
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="cancel-title" className="panel">
      <h2 id="cancel-title">{t('admin.webinars.cancel.title')}</h2>
      <p>{t('admin.webinars.cancel.hint')}</p>
      {!confirming ? (
        <button
          type="button"
          className="button button-secondary"
          data-testid="cancel-webinar"
          onClick={() => {
            setConfirming(true);
            window.setTimeout(() => confirmRef.current?.focus(), 0);
          }}
        >
          {t('admin.webinars.cancel.button')}
        </button>
      ) : (
        <div className="button-row">
          <button
            ref={confirmRef}
            type="button"
            className="button button-danger"
            disabled={action.busy}
            data-testid="confirm-cancel-webinar"
            onClick={async () => {
              const done = await action.run();
              if (done) onDone(done);
            }}
          >
            {t('admin.webinars.cancel.confirm')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t('admin.webinars.cancel.keep')}
          </button>
        </div>
      )}
      {action.error && <ErrorNotice error={action.error} />}
    </section>
  );
}

function CompleteWebinar({ webinar, onDone }: { webinar: TAdminWebinar; onDone: (w: TAdminWebinar) => void }) {
  const { t } = useAdminTranslation();
  const fieldText = useFieldErrorText();
  const [url, setUrl] = useState(webinar.recordingUrl ?? '');
  const action = useAction(() => completeWebinar(webinar.id, url.trim() || null));
  const fieldError = action.error?.fields?.recordingUrl?.code;
  return (
    <section aria-labelledby="complete-title" className="panel">
      <h2 id="complete-title">{t('admin.webinars.complete.title')}</h2>
      <p>{t('admin.webinars.complete.hint')}</p>
      <form
        className="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const done = await action.run();
          if (done) onDone(done);
        }}
      >
        <div className={`field${fieldError ? ' field-invalid' : ''}`}>
          <label htmlFor="recording-url">{t('admin.webinars.complete.recordingUrl')}</label>
          {fieldError && (
            <p id="recording-url-error" className="field-error">
              {fieldText(fieldError)}
            </p>
          )}
          <input
            id="recording-url"
            name="recordingUrl"
            type="url"
            dir="ltr"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'recording-url-error' : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={action.busy} data-testid="complete-webinar">
          {t('admin.webinars.complete.button')}
        </button>
        {action.error && !fieldError && <ErrorNotice error={action.error} />}
      </form>
    </section>
  );
}

/** /admin/webinars/new and /admin/webinars/:id: schedule, edit (reschedule), cancel, complete. */
export function WebinarEditPage({ id }: { id: string | null }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const [, navigate] = useLocation();
  const [list, reload, update] = useResource(`webinars:${id ?? 'new'}`, (signal) => listWebinars(signal));
  const [announce, liveRegion] = useAnnouncer();
  // Webinars are programme-wide: a scoped coordinator sees this page read-only (the API refuses changes).
  const user = useUser();
  const canChange = !user.regionScope && !user.themeScope;
  const back = (
    <p>
      <Link href="/webinars" className="back-link">
        {t('admin.webinars.back')}
      </Link>
    </p>
  );
  const replace = (saved: TAdminWebinar) => update((all) => all.map((w) => (w.id === saved.id ? saved : w)));

  if (id === null && !canChange) {
    return (
      <div className="webinar-edit">
        <PageTitle>{t('admin.webinars.form.newTitle')}</PageTitle>
        {back}
        <h1>{t('admin.webinars.form.newTitle')}</h1>
        <p className="notice">{t('admin.scopeLimits.webinarsReadOnly')}</p>
      </div>
    );
  }
  if (id === null) {
    return (
      <div className="webinar-edit">
        <PageTitle>{t('admin.webinars.form.newTitle')}</PageTitle>
        {back}
        <h1>{t('admin.webinars.form.newTitle')}</h1>
        <WebinarForm webinar={null} onSaved={(saved) => navigate(`/webinars/${saved.id}`)} />
      </div>
    );
  }
  if (list.state === 'loading') {
    return (
      <>
        {back}
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      </>
    );
  }
  if (list.state === 'failed') {
    return (
      <>
        {back}
        <ErrorNotice error={list.error} onRetry={reload} />
      </>
    );
  }
  const webinar = list.data.find((w) => w.id === id);
  if (!webinar) {
    return (
      <>
        {back}
        <PageTitle>{t('errors.not_found')}</PageTitle>
        <h1>{t('errors.not_found')}</h1>
        <p>{t('admin.webinars.notFound')}</p>
      </>
    );
  }
  const title = labels.localized(webinar.title);
  const open = webinar.status === 'draft' || webinar.status === 'scheduled';
  return (
    <div className="webinar-edit">
      <PageTitle>{t('admin.webinars.form.editTitle', { title })}</PageTitle>
      {back}
      {liveRegion}
      <h1 dir="auto">
        {t('admin.webinars.form.editTitle', { title })}{' '}
        <span className={`status-badge webinar-${webinar.status}`} data-testid="webinar-status">
          {t(`admin.webinars.statuses.${webinar.status}`)}
        </span>
      </h1>
      <p>
        <Link href={`/webinars/${webinar.id}/registrants`} data-testid="edit-page-registrants">
          {t('admin.registrantsPage.editPageLink')}
        </Link>
      </p>
      <p>
        {t('admin.webinars.registrations')}:{' '}
        {webinar.capacity === null
          ? webinar.registrationsCount
          : t('admin.webinars.registrationsOf', { count: webinar.registrationsCount, capacity: webinar.capacity })}
      </p>
      {!canChange && <p className="notice">{t('admin.scopeLimits.webinarsReadOnly')}</p>}
      {open && canChange ? (
        <>
          <WebinarForm webinar={webinar} onSaved={replace} />
          {webinar.status === 'scheduled' && (
            <CompleteWebinar
              webinar={webinar}
              onDone={(w) => {
                replace(w);
                announce(t('admin.webinars.complete.done'));
              }}
            />
          )}
          <CancelWebinar
            webinar={webinar}
            onDone={(w) => {
              replace(w);
              announce(t('admin.webinars.cancel.done'));
            }}
          />
        </>
      ) : null}
    </div>
  );
}
