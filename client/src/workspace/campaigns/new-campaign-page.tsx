import {
  CATALOG_LANGUAGES,
  countryOptions,
  REGIONS,
  type TCampaignPreview,
  type TCreateCampaign,
  type TLanguage,
  type TRegion,
} from '@convene/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { listWebinars, previewCampaign, sendCampaign } from '../api/endpoints';
import { CheckboxGroup } from '../components/checkbox-group';
import { ErrorNotice } from '../components/errors';
import { useLabels } from '../components/labels';
import { PageTitle } from '../components/page-title';
import { useAction } from '../components/use-action';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';

type Segment = {
  regions: TRegion[];
  languages: TLanguage[];
  countries: string[];
  tags: string;
  organizations: string;
};

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function toRequest(webinarId: string, s: Segment): TCreateCampaign {
  const segment: TCreateCampaign['segment'] = {};
  if (s.regions.length) segment.regions = s.regions;
  if (s.languages.length) segment.languages = s.languages;
  if (s.countries.length) segment.countries = s.countries;
  if (list(s.tags).length) segment.tags = list(s.tags);
  if (list(s.organizations).length) segment.organizations = list(s.organizations);
  return { webinarId, segment };
}

function Preview({ preview }: { preview: TCampaignPreview }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  return (
    <div className="campaign-preview" data-testid="campaign-preview">
      <p>
        <strong>{t('admin.campaigns.audience', { count: preview.audience })}</strong>{' '}
        {t('admin.campaigns.excluded', {
          unsubscribed: preview.excluded.unsubscribed,
          undeliverable: preview.excluded.undeliverable,
        })}
      </p>
      {preview.excluded.alreadyInvited > 0 && (
        <p data-testid="preview-already-invited">
          {t('admin.outreach.alreadyInvited', { count: preview.excluded.alreadyInvited })}
        </p>
      )}
      <p className="hint">{t('admin.outreach.previewInert')}</p>
      {preview.languages.map((group) => (
        <details key={group.language} className="preview-language">
          <summary>
            {t('admin.campaigns.previewLanguage', { language: labels.language(group.language), count: group.count })}
          </summary>
          <p>
            <strong>{t('admin.campaigns.subject')}:</strong>{' '}
            <span lang={group.language} dir="auto">
              {group.subject}
            </span>
          </p>
          {/* The plain-text version, as text: the HTML version is never rendered here. */}
          <pre className="submitted-text mail-text" lang={group.language} dir="auto">
            {group.text}
          </pre>
        </details>
      ))}
    </div>
  );
}

/** /admin/campaigns/new: a webinar and a segment, a preview of who gets what, then send. */
export function NewCampaignPage() {
  const { t, language } = useAdminTranslation();
  const labels = useLabels();
  const [, navigate] = useLocation();
  const [webinars, reloadWebinars] = useResource('campaign-webinars', (signal) => listWebinars(signal));
  const [webinarId, setWebinarId] = useState('');
  const [segment, setSegment] = useState<Segment>({
    regions: [],
    languages: [],
    countries: [],
    tags: '',
    organizations: '',
  });
  const [previewed, setPreviewed] = useState<{ key: string; preview: TCampaignPreview } | null>(null);
  const [missingWebinar, setMissingWebinar] = useState(false);
  const preview = useAction(previewCampaign);
  const send = useAction(sendCampaign);
  const countries = useMemo(() => countryOptions(language), [language]);

  const request = toRequest(webinarId, segment);
  const key = JSON.stringify(request);
  const current = previewed?.key === key ? previewed.preview : null;

  const onPreview = async (event: FormEvent) => {
    event.preventDefault();
    if (!webinarId) {
      setMissingWebinar(true);
      document.getElementById('campaign-webinar')?.focus();
      return;
    }
    setMissingWebinar(false);
    const result = await preview.run(request);
    if (result) setPreviewed({ key, preview: result });
  };

  const onSend = async () => {
    const sent = await send.run(request);
    if (sent) navigate('/campaigns');
  };

  const open = webinars.state === 'ok' ? webinars.data.filter((w) => w.status === 'scheduled') : [];

  return (
    <div className="campaign-new">
      <PageTitle>{t('admin.campaigns.create')}</PageTitle>
      <p>
        <Link href="/campaigns" className="back-link">
          {t('admin.campaigns.title')}
        </Link>
      </p>
      <h1>{t('admin.campaigns.create')}</h1>
      {webinars.state === 'failed' && <ErrorNotice error={webinars.error} onRetry={reloadWebinars} />}
      <form className="form" noValidate onSubmit={onPreview} data-testid="campaign-form">
        <div className={`field${missingWebinar ? ' field-invalid' : ''}`}>
          <label htmlFor="campaign-webinar">{t('admin.campaigns.webinar')}</label>
          {missingWebinar && (
            <p id="campaign-webinar-error" className="field-error">
              {t('errors.required')}
            </p>
          )}
          <select
            id="campaign-webinar"
            name="webinarId"
            value={webinarId}
            onChange={(e) => setWebinarId(e.target.value)}
            aria-invalid={missingWebinar ? true : undefined}
            aria-describedby={missingWebinar ? 'campaign-webinar-error' : undefined}
          >
            <option value="">{t('admin.campaigns.chooseWebinar')}</option>
            {open.map((w) => (
              <option key={w.id} value={w.id}>
                {labels.localized(w.title)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="fieldset">
          <legend>{t('admin.campaigns.segment')}</legend>
          <p className="hint">{t('admin.campaigns.segmentHint')}</p>
          <CheckboxGroup
            legend={t('admin.campaigns.regions')}
            name="regions"
            idPrefix="seg-region"
            inline
            options={REGIONS.map((r) => ({ value: r, label: labels.region(r) }))}
            value={segment.regions}
            onChange={(regions) => setSegment((s) => ({ ...s, regions }))}
          />
          <CheckboxGroup
            legend={t('admin.campaigns.languages')}
            name="languages"
            idPrefix="seg-language"
            inline
            options={CATALOG_LANGUAGES.map((l) => ({ value: l, label: labels.language(l) }))}
            value={segment.languages}
            onChange={(languages) => setSegment((s) => ({ ...s, languages }))}
          />
          <div className="field">
            <label htmlFor="seg-countries">{t('admin.campaigns.countries')}</label>
            <span id="seg-countries-hint" className="hint">
              {t('admin.campaigns.countriesHint')}
            </span>
            <select
              id="seg-countries"
              name="countries"
              multiple
              size={6}
              aria-describedby="seg-countries-hint"
              value={segment.countries}
              onChange={(e) =>
                setSegment((s) => ({ ...s, countries: Array.from(e.target.selectedOptions, (o) => o.value) }))
              }
            >
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="seg-tags">{t('admin.campaigns.tags')}</label>
            <span id="seg-tags-hint" className="hint">
              {t('admin.campaigns.listHint')}
            </span>
            <input
              id="seg-tags"
              name="tags"
              type="text"
              aria-describedby="seg-tags-hint"
              value={segment.tags}
              onChange={(e) => setSegment((s) => ({ ...s, tags: e.target.value }))}
            />
          </div>
          <div className="field">
            <label htmlFor="seg-organizations">{t('admin.campaigns.organizations')}</label>
            <span id="seg-organizations-hint" className="hint">
              {t('admin.campaigns.listHint')}
            </span>
            <input
              id="seg-organizations"
              name="organizations"
              type="text"
              aria-describedby="seg-organizations-hint"
              value={segment.organizations}
              onChange={(e) => setSegment((s) => ({ ...s, organizations: e.target.value }))}
            />
          </div>
        </fieldset>
        <button
          type="submit"
          className="button button-secondary"
          disabled={preview.busy}
          data-testid="preview-campaign"
        >
          {preview.busy ? t('admin.campaigns.previewing') : t('admin.campaigns.preview')}
        </button>
        {preview.error && <ErrorNotice error={preview.error} />}
      </form>
      <div aria-live="polite">
        {previewed && !current && <p className="notice">{t('admin.campaigns.changed')}</p>}
        {current && <Preview preview={current} />}
      </div>
      {current &&
        (current.audience === 0 ? (
          <p className="notice">{t('admin.campaigns.noAudience')}</p>
        ) : (
          <button type="button" className="button" disabled={send.busy} onClick={onSend} data-testid="send-campaign">
            {send.busy ? t('admin.campaigns.sending') : t('admin.campaigns.send', { count: current.audience })}
          </button>
        ))}
      {send.error && <ErrorNotice error={send.error} />}
    </div>
  );
}
