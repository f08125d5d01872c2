import { CATALOG_LANGUAGES, REGIONS, type TAdminConsultation, type TConsultationKind } from '@convene/shared';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../../common/api/http';
import { useTimeZone, zoneChoices, zoneLabel } from '../../common/components/time-zone-context';
import { ErrorNotice, useFieldErrorText } from '../components/errors';
import { Instant, useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { PageTitle } from '../components/page-title';
import { useAction } from '../components/use-action';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useUser } from '../session/session';
import { cancelConsultation, createConsultation, listConsultations, updateConsultation } from './consultations-api';
import { consultationBody, consultationValues, instantOf, type ConsultationValues } from './consultation-values';

const KINDS: TConsultationKind[] = ['thematic', 'regional', 'national', 'hearing'];

/** /admin/consultations: the public consultation calendar, added to and edited here. */
export function ConsultationsPage() {
  const { t } = useAdminTranslation();
  const { regionScope } = useUser();
  const [list, reload] = useResource('consultations', (signal) => listConsultations(signal));
  const [editing, setEditing] = useState<TAdminConsultation | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [announce, liveRegion] = useAnnouncer();
  const cancel = useAction((id: string) => cancelConsultation(id));
  const mayEdit = !regionScope;

  const edit = (c: TAdminConsultation | null) => {
    setEditing(c);
    setFormKey((k) => k + 1);
  };

  return (
    <>
      <PageTitle>{t('admin.publicResources.title')}</PageTitle>
      {liveRegion}
      <h1>{t('admin.publicResources.title')}</h1>
      <p>{t('admin.publicResources.intro')}</p>
      <p>
        <a href="/consultations">{t('admin.publicResources.publicLink')}</a>
      </p>
      {list.state === 'loading' && <p className="status">{t('admin.loading')}</p>}
      {list.state === 'failed' && <ErrorNotice error={list.error} onRetry={reload} />}
      {list.state === 'ok' && list.data.length === 0 && <p>{t('admin.publicResources.empty')}</p>}
      {list.state === 'ok' && list.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="consultations-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.publicResources.columns.when')}</th>
                <th scope="col">{t('admin.publicResources.columns.title')}</th>
                <th scope="col">{t('admin.publicResources.columns.where')}</th>
                {mayEdit && <th scope="col">{t('admin.publicResources.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <ConsultationRow
                  key={c.id}
                  consultation={c}
                  actions={
                    mayEdit && (
                      <>
                        <button type="button" className="button button-secondary button-small" onClick={() => edit(c)}>
                          {t('admin.publicResources.edit')}
                        </button>{' '}
                        {c.status !== 'cancelled' && (
                          <button
                            type="button"
                            className="button button-danger button-small"
                            disabled={cancel.busy}
                            onClick={async () => {
                              if (await cancel.run(c.id)) {
                                announce(t('admin.publicResources.cancelledNow'));
                                reload();
                              }
                            }}
                          >
                            {t('admin.publicResources.cancel')}
                          </button>
                        )}
                      </>
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cancel.error && <ErrorNotice error={cancel.error} />}
      {mayEdit && (
        <section className="panel" aria-labelledby="consultation-form-title">
          <h2 id="consultation-form-title">
            {editing
              ? t('admin.publicResources.editTitle', {
                  title: editing.title.en ?? Object.values(editing.title)[0] ?? '',
                })
              : t('admin.publicResources.newTitle')}
          </h2>
          {editing && (
            <p>
              <button type="button" className="button button-secondary button-small" onClick={() => edit(null)}>
                {t('admin.publicResources.newInstead')}
              </button>
            </p>
          )}
          <ConsultationForm
            key={formKey}
            consultation={editing}
            onSaved={(saved, created) => {
              announce(t(created ? 'admin.publicResources.created' : 'admin.publicResources.saved'));
              edit(created ? null : saved);
              reload();
            }}
          />
        </section>
      )}
    </>
  );
}

function ConsultationRow({ consultation: c, actions }: { consultation: TAdminConsultation; actions: ReactNode }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  return (
    <tr data-testid="consultation-row">
      <td>
        <Instant value={c.startsAt} />
      </td>
      <td>
        <span dir="auto">{labels.localized(c.title)}</span>
        <br />
        <span className="hint">
          {t(`admin.publicResources.kinds.${c.kind}`)} ·{' '}
          {t('admin.publicResources.version', { number: c.sequence + 1 })}
          {c.status === 'cancelled' && <strong> · {t('admin.publicResources.cancelled')}</strong>}
        </span>
      </td>
      <td>
        {[c.place, c.online ? t('admin.publicResources.online') : null, c.region ? labels.region(c.region) : null]
          .filter(Boolean)
          .join(' · ')}
        {c.themeSlug && (
          <>
            <br />
            <span className="hint">{labels.theme(c.themeSlug)}</span>
          </>
        )}
      </td>
      {actions && <td>{actions}</td>}
    </tr>
  );
}

function ConsultationForm({
  consultation,
  onSaved,
}: {
  consultation: TAdminConsultation | null;
  onSaved: (saved: TAdminConsultation, created: boolean) => void;
}) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const format = useInstantFormat();
  const fieldError = useFieldErrorText();
  const { zone } = useTimeZone();
  const [values, setValues] = useState<ConsultationValues>(() => consultationValues(consultation, zone));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useAction((body: ReturnType<typeof consultationBody> & { ok: true }) =>
    consultation ? updateConsultation(consultation.id, body.body) : createConsultation(body.body),
  );
  const set = <K extends keyof ConsultationValues>(key: K, value: ConsultationValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = consultationBody(values);
    if (!body.ok) {
      setProblem(t(`admin.publicResources.${body.problem}`));
      return;
    }
    setProblem(null);
    const saved = await save.run(body);
    if (saved) onSaved(saved, consultation === null);
  };

  const fields = (save.error as ApiError | null)?.fields ?? {};
  const errorOf = (name: string) => {
    const f = fields[name];
    return f ? (
      <p className="field-error" id={`consultation-${name}-error`}>
        {fieldError(f.code)}
      </p>
    ) : null;
  };
  const described = (name: string) => (fields[name] ? `consultation-${name}-error` : undefined);
  const start = instantOf(values.startDate, values.startTime, values.hostTimeZone);
  const end = instantOf(values.endDate, values.endTime, values.hostTimeZone);
  const zones = zoneChoices(values.hostTimeZone);

  return (
    <form className="form" noValidate onSubmit={submit} data-testid="consultation-form">
      <div className="field">
        <label htmlFor="consultation-kind">{t('admin.publicResources.fields.kind')}</label>
        <select
          id="consultation-kind"
          value={values.kind}
          onChange={(e) => set('kind', e.target.value as TConsultationKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`admin.publicResources.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="fieldset">
        <legend>{t('admin.publicResources.columns.title')}</legend>
        <p className="hint">{t('admin.publicResources.textsHint')}</p>
        {errorOf('title')}
        {CATALOG_LANGUAGES.map((l) => (
          <div key={l} className="language-texts" lang={l}>
            <div className="field">
              <label htmlFor={`consultation-title-${l}`}>
                {t('admin.publicResources.fields.title', { language: labels.language(l) })}
              </label>
              <input
                id={`consultation-title-${l}`}
                name={`title-${l}`}
                type="text"
                dir="auto"
                value={values.title[l]}
                onChange={(e) => set('title', { ...values.title, [l]: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`consultation-description-${l}`}>
                {t('admin.publicResources.fields.description', { language: labels.language(l) })}
              </label>
              <textarea
                id={`consultation-description-${l}`}
                rows={2}
                dir="auto"
                value={values.description[l]}
                onChange={(e) => set('description', { ...values.description, [l]: e.target.value })}
              />
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('admin.publicResources.columns.when')}</legend>
        <p className="hint">{t('admin.publicResources.whenHint')}</p>
        <div className="form-columns">
          <div className="field">
            <label htmlFor="consultation-start-date">{t('admin.publicResources.fields.startDate')}</label>
            <input
              id="consultation-start-date"
              name="startDate"
              type="date"
              value={values.startDate}
              onChange={(e) => set('startDate', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="consultation-start-time">{t('admin.publicResources.fields.startTime')}</label>
            <input
              id="consultation-start-time"
              name="startTime"
              type="time"
              value={values.startTime}
              onChange={(e) => set('startTime', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="consultation-end-date">{t('admin.publicResources.fields.endDate')}</label>
            <input
              id="consultation-end-date"
              name="endDate"
              type="date"
              value={values.endDate}
              aria-describedby={described('endsAt')}
              onChange={(e) => set('endDate', e.target.value)}
            />
            {errorOf('endsAt')}
          </div>
          <div className="field">
            <label htmlFor="consultation-end-time">{t('admin.publicResources.fields.endTime')}</label>
            <input
              id="consultation-end-time"
              name="endTime"
              type="time"
              value={values.endTime}
              onChange={(e) => set('endTime', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="consultation-zone">{t('admin.publicResources.fields.hostTimeZone')}</label>
            <select
              id="consultation-zone"
              name="hostTimeZone"
              value={values.hostTimeZone}
              onChange={(e) => set('hostTimeZone', e.target.value)}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {zoneLabel(z)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p aria-live="polite" data-testid="consultation-preview">
          {start && end ? t('admin.publicResources.preview', { start: format.full(start), end: format.full(end) }) : ''}
        </p>
      </fieldset>
      <div className="form-columns">
        <div className="field">
          <label htmlFor="consultation-place">{t('admin.publicResources.fields.place')}</label>
          <input
            id="consultation-place"
            name="place"
            type="text"
            dir="auto"
            value={values.place}
            aria-describedby={described('place')}
            onChange={(e) => set('place', e.target.value)}
          />
          {errorOf('place')}
        </div>
        <div className="field">
          <label htmlFor="consultation-link">{t('admin.publicResources.fields.link')}</label>
          <input
            id="consultation-link"
            name="link"
            type="url"
            dir="ltr"
            value={values.link}
            aria-describedby={described('link')}
            onChange={(e) => set('link', e.target.value)}
          />
          {errorOf('link')}
        </div>
      </div>
      <div className="field field-checkbox">
        <input
          id="consultation-online"
          name="online"
          type="checkbox"
          checked={values.online}
          onChange={(e) => set('online', e.target.checked)}
        />
        <label htmlFor="consultation-online">{t('admin.publicResources.fields.online')}</label>
      </div>
      <div className="form-columns">
        <div className="field">
          <label htmlFor="consultation-region">{t('admin.publicResources.fields.region')}</label>
          <select
            id="consultation-region"
            name="region"
            value={values.region}
            onChange={(e) => set('region', e.target.value)}
          >
            <option value="">{t('admin.publicResources.fields.none')}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {labels.region(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="consultation-theme">{t('admin.publicResources.fields.theme')}</label>
          <select
            id="consultation-theme"
            name="themeSlug"
            value={values.themeSlug}
            onChange={(e) => set('themeSlug', e.target.value)}
          >
            <option value="">{t('admin.publicResources.fields.none')}</option>
            {labels.themeList.map((theme) => (
              <option key={theme.slug} value={theme.slug}>
                {labels.theme(theme.slug)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
      {save.error && !save.error.fields && <ErrorNotice error={save.error} />}
      <button type="submit" className="button" disabled={save.busy} data-testid="consultation-submit">
        {consultation ? t('admin.publicResources.save') : t('admin.publicResources.create')}
      </button>
    </form>
  );
}
