import {
  EXPORT_FORMATS,
  LANGUAGES,
  type TCompilation,
  type TCompiledReport,
  type TExportFormat,
  type TLanguage,
} from '@convene/shared';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { freezeCompilation, getLiveCompilation, listFrozen, type FrozenSummary } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { Instant } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { PageTitle } from '../components/page-title';
import { useAction } from '../components/use-action';
import { useResource } from '../components/use-resource';
import { withNode } from '../components/with-node';
import { useAdminTranslation } from '../i18n/admin-translation';
import { PublishControl } from './publish-control';
import { useUser } from '../session/session';
import { frozenBriefUrl, liveBriefUrl } from './brief-api';
import { BriefEditor, type QuoteRequest } from './brief-editor';

type Feature = (code: string, field: 'barriers' | 'recommendations') => void;

/** The language the brief's files are downloaded in (labels, headings, counts, dates). */
function ExportLanguage({ value, onChange }: { value: TLanguage; onChange: (l: TLanguage) => void }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  return (
    <div className="field">
      <label htmlFor="export-language">{t('admin.brief.exportLanguage')}</label>
      <select
        id="export-language"
        data-testid="export-language"
        value={value}
        aria-describedby="export-language-hint"
        onChange={(e) => onChange(e.target.value as TLanguage)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {labels.language(l)}
          </option>
        ))}
      </select>
      <p className="hint" id="export-language-hint">
        {t('admin.brief.exportLanguageHint')}
      </p>
    </div>
  );
}

function ThemeChooser({ theme }: { theme: string | null }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const [, navigate] = useLocation();
  const [value, setValue] = useState(theme ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value) navigate(`/compile/${encodeURIComponent(value)}`);
  };
  return (
    <form className="form form-inline" onSubmit={submit} data-testid="compile-theme-form">
      <div className="field">
        <label htmlFor="compile-theme">{t('admin.compile.chooseTheme')}</label>
        <select id="compile-theme" name="theme" value={value} onChange={(e) => setValue(e.target.value)} required>
          <option value="" disabled>
            —
          </option>
          {labels.themeList.map((x) => (
            <option key={x.slug} value={x.slug}>
              {labels.theme(x.slug)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t('admin.compile.open')}
      </button>
    </form>
  );
}

function Downloads({ urlOf, label }: { urlOf: (format: TExportFormat) => string; label: (format: string) => string }) {
  const { t } = useAdminTranslation();
  return (
    <ul className="downloads">
      {EXPORT_FORMATS.map((format) => (
        <li key={format}>
          <a
            className="button button-secondary button-small"
            href={urlOf(format)}
            download
            data-testid={`download-${format}`}
            aria-label={label(t(`admin.compile.download.${format}`))}
          >
            {t(`admin.compile.download.${format}`)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function CompiledReport({ report, feature }: { report: TCompiledReport; feature: Feature | null }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const code = report.code;
  return (
    <li className="compiled-report" data-testid="compiled-report" data-report-id={report.reportId} data-code={code}>
      <p className="compiled-meta">
        {code && (
          <>
            <strong className="report-code" data-testid="report-code">
              {t('admin.brief.code', { code })}
            </strong>
            {' · '}
          </>
        )}
        {withNode(t('admin.compile.receivedAt'), 'date', <Instant value={report.receivedAt} />)} ·{' '}
        {labels.language(report.language)}
        {report.corridor && (
          <>
            {' · '}
            {t('admin.report.corridorValue', {
              origin: labels.country(report.corridor.origin),
              destination: labels.country(report.corridor.destination),
            })}
          </>
        )}
      </p>
      <h5>{t('admin.report.barriers')}</h5>
      <p className="submitted-text" lang={report.language} dir="auto">
        {report.barriers}
      </p>
      {report.recommendations && (
        <>
          <h5>{t('admin.report.recommendations')}</h5>
          <p className="submitted-text" lang={report.language} dir="auto">
            {report.recommendations}
          </p>
        </>
      )}
      {report.source && (
        <>
          <h5>{t('admin.report.source')}</h5>
          <p className="submitted-text" lang={report.language} dir="auto">
            {report.source}
          </p>
        </>
      )}
      {report.affectedGroups.length > 0 && (
        <p>{t('admin.compile.affectedGroups', { groups: labels.list(report.affectedGroups.map(labels.group)) })}</p>
      )}
      <p className="attribution" data-testid="attribution">
        {report.attribution
          ? withNode(t('admin.compile.attribution'), 'organization', <span dir="auto">{report.attribution}</span>)
          : t('admin.compile.noAttribution')}
      </p>
      <p>
        <Link href={`/reports/${report.reportId}`}>{t('admin.compile.openReport')}</Link>
      </p>
      {feature && code && (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary button-small"
            data-testid="feature-barriers"
            onClick={() => feature(code, 'barriers')}
          >
            {t('admin.brief.featureBarriers')} ({code})
          </button>
          {report.recommendations.trim() !== '' && (
            <button
              type="button"
              className="button button-secondary button-small"
              data-testid="feature-recommendations"
              onClick={() => feature(code, 'recommendations')}
            >
              {t('admin.brief.featureRecommendations')} ({code})
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function Compilation({ compilation, feature }: { compilation: TCompilation; feature: Feature | null }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  return (
    <div className="compilation" data-testid="compilation">
      <dl className="facts-list">
        <div className="facts-row">
          <dt>{t('admin.compile.languages')}</dt>
          <dd>{labels.list(compilation.languages.map(labels.language)) || t('admin.none')}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('admin.compile.byRegion')}</dt>
          <dd>
            {labels.list(
              Object.entries(compilation.counts.byRegion).map(([region, count]) =>
                t('admin.compile.regionCount', { region: labels.region(region), count }),
              ),
            ) || t('admin.none')}
          </dd>
        </div>
      </dl>
      <p data-testid="compilation-total">
        {t('admin.compile.total', { count: compilation.counts.total })}
        {compilation.counts.withheld > 0 && (
          <>
            {' · '}
            <span data-testid="compilation-withheld">
              {t('admin.compile.withheld', { count: compilation.counts.withheld })}
            </span>
          </>
        )}
      </p>
      {compilation.counts.total === 0 && <p className="notice">{t('admin.compile.empty')}</p>}
      {compilation.regions.map((region) => (
        <section key={region.region} className="compiled-region" aria-labelledby={`region-${region.region}`}>
          <h3 id={`region-${region.region}`}>
            {labels.region(region.region)} ({region.count})
          </h3>
          {region.countries.map((country) => (
            <section key={country.country} aria-labelledby={`country-${region.region}-${country.country}`}>
              <h4 id={`country-${region.region}-${country.country}`}>
                {labels.country(country.country)} ({country.reports.length})
              </h4>
              <ol className="compiled-reports">
                {country.reports.map((report) => (
                  <CompiledReport key={report.reportId} report={report} feature={feature} />
                ))}
              </ol>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

function FrozenList({ list, themeName, language }: { list: FrozenSummary[]; themeName: string; language: TLanguage }) {
  const { t } = useAdminTranslation();
  if (list.length === 0) return <p>{t('admin.compile.frozenEmpty')}</p>;
  return (
    <ul className="frozen-list" data-testid="frozen-list">
      {list.map((c) => (
        <li key={c.id} data-testid="frozen-compilation" data-number={c.number}>
          <p>
            <strong>{t('admin.compile.snapshot', { number: c.number })}</strong> ·{' '}
            {withNode(
              t('admin.compile.snapshotMeta', { by: c.frozenBy ?? '—', count: c.reports }),
              'date',
              <Instant value={c.frozenAt} />,
            )}
          </p>
          {c.withdrawnSince.length > 0 && (
            // The snapshot stays as it was sent; coordinators learn that it holds what was withdrawn.
            <p className="notice" role="note" data-testid="withdrawn-since">
              {t('admin.compile.withdrawnSince', {
                count: c.withdrawnSince.length,
                codes: c.withdrawnSince.join(', '),
              })}
            </p>
          )}
          <PublishControl id={c.id} themeSlug={c.themeSlug} number={c.number} />
          <Downloads
            urlOf={(format) => frozenBriefUrl(c.id, format, language)}
            label={(format) =>
              t('admin.compile.snapshotDownloadLabel', { number: c.number, format }) + ` (${themeName})`
            }
          />
        </li>
      ))}
    </ul>
  );
}

function LiveCompilation({ theme }: { theme: string }) {
  const { t, language } = useAdminTranslation();
  const labels = useLabels();
  const [compilation, reload] = useResource(`live:${theme}`, (signal) => getLiveCompilation(theme, signal));
  // Briefs cover every region: downloads, freezing and snapshots are refused to a coordinator
  // of some regions, so they are not offered; the page says what the view is limited to.
  const { regionScope } = useUser();
  const [frozen, reloadFrozen] = useResource(`frozen:${theme}`, (signal) => listFrozen(theme, signal));
  const freeze = useAction(() => freezeCompilation(theme));
  const [announce, liveRegion] = useAnnouncer();
  const [exportLanguage, setExportLanguage] = useState<TLanguage>(language);
  const [quoteRequest, setQuoteRequest] = useState<QuoteRequest | null>(null);
  const feature: Feature | null = regionScope
    ? null
    : (code, field) => setQuoteRequest((q) => ({ code, field, nonce: (q?.nonce ?? 0) + 1 }));

  const themeName =
    compilation.state === 'ok'
      ? (compilation.data.themeName[language] ?? compilation.data.themeName.en ?? labels.theme(theme))
      : labels.theme(theme);

  return (
    <>
      <PageTitle>{t('admin.compile.liveTitle', { theme: themeName })}</PageTitle>
      {liveRegion}
      <h2 data-testid="compilation-title">{t('admin.compile.liveTitle', { theme: themeName })}</h2>
      {compilation.state === 'loading' && (
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      )}
      {compilation.state === 'failed' && <ErrorNotice error={compilation.error} onRetry={reload} />}
      {compilation.state === 'ok' && (
        <>
          <p className="hint">
            {withNode(t('admin.compile.compiledAt'), 'date', <Instant value={compilation.data.compiledAt} long />)}
          </p>
          {regionScope && (
            <p className="notice" data-testid="compile-scope-notice">
              {t('admin.scopeLimits.compileScoped', { regions: labels.list(regionScope.map(labels.region)) })}
            </p>
          )}
          {!regionScope && (
            <>
              <section aria-labelledby="downloads-title" className="panel">
                <h3 id="downloads-title">{t('admin.compile.downloads')}</h3>
                <ExportLanguage value={exportLanguage} onChange={setExportLanguage} />
                <Downloads
                  urlOf={(format) => liveBriefUrl(theme, format, exportLanguage)}
                  label={(format) => t('admin.compile.downloadLabel', { theme: themeName, format })}
                />
                <div className="button-row">
                  <button
                    type="button"
                    className="button"
                    disabled={freeze.busy}
                    data-testid="freeze"
                    onClick={async () => {
                      const frozenNow = await freeze.run();
                      if (frozenNow) {
                        announce(t('admin.compile.frozen', { number: frozenNow.number ?? '' }));
                        reloadFrozen();
                        reload();
                      }
                    }}
                  >
                    {freeze.busy ? t('admin.compile.freezing') : t('admin.compile.freeze')}
                  </button>
                </div>
                {freeze.error &&
                  (freeze.error.status === 403 ? (
                    <p role="alert" className="notice notice-error">
                      {t('admin.errors.freeze_forbidden')}
                    </p>
                  ) : (
                    <ErrorNotice error={freeze.error} />
                  ))}
              </section>
              <section aria-labelledby="frozen-title" className="panel">
                <h3 id="frozen-title">{t('admin.compile.frozenTitle')}</h3>
                {frozen.state === 'loading' && <p className="status">{t('admin.loading')}</p>}
                {frozen.state === 'failed' && <ErrorNotice error={frozen.error} onRetry={reloadFrozen} />}
                {frozen.state === 'ok' && (
                  <FrozenList list={frozen.data} themeName={themeName} language={exportLanguage} />
                )}
              </section>
              <BriefEditor theme={theme} compilation={compilation.data} quoteRequest={quoteRequest} />
            </>
          )}
          <Compilation compilation={compilation.data} feature={feature} />
        </>
      )}
    </>
  );
}

/** /admin/compile[/:theme]: pick a theme, read its live brief, download it, freeze numbered snapshots. */
export function CompilePage({ theme }: { theme: string | null }) {
  const { t } = useAdminTranslation();
  return (
    <div className="compile-page">
      {!theme && <PageTitle>{t('admin.compile.title')}</PageTitle>}
      <h1>{t('admin.compile.title')}</h1>
      <p className="lead">{t('admin.compile.intro')}</p>
      <ThemeChooser key={theme ?? ''} theme={theme} />
      {theme && <LiveCompilation theme={theme} />}
    </div>
  );
}
