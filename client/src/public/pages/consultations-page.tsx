import { REGIONS, type TConsultation, type TTheme } from '@convene/shared';
import { useCallback, useEffect, useId, useState } from 'react';
import { errorKeyOf, type ErrorKey } from '../../common/api/error-key';
import { useTimeZone, zoneLabel } from '../../common/components/time-zone-context';
import { useResourcesTranslation } from '../i18n/resources-translation';
import './public-resources.css';
import { TextsFailed } from '../components/texts-failed';
import { fetchConsultations, filterQuery, type ConsultationFilter } from '../api/public-resources';
import { fetchThemes } from '../api/themes';
import { CalendarSubscribe } from '../components/calendar-subscribe';
import { ConsultationCard } from '../components/consultation-card';
import { localized } from '../components/localized';
import { useLanguage } from '../components/use-language';
import { DocumentTitle } from '../../common/components/document-title';

type State =
  { kind: 'loading' } | { kind: 'failed'; error: ErrorKey } | { kind: 'loaded'; consultations: TConsultation[] };

function filterFromUrl(): ConsultationFilter {
  const params = new URLSearchParams(window.location.search);
  const region = params.get('region') ?? undefined;
  return {
    theme: params.get('theme') ?? undefined,
    region: region && (REGIONS as readonly string[]).includes(region) ? region : undefined,
  };
}

/** `/consultations`: the consultation calendar in the reader's zone, by theme and region, with its feed. */
export function ConsultationsPage() {
  const { t, ready, failed: textsFailed, retry: retryTexts } = useResourcesTranslation();
  const language = useLanguage();
  const { zone } = useTimeZone();
  const [filter, setFilter] = useState<ConsultationFilter>(filterFromUrl);
  const [themes, setThemes] = useState<TTheme[]>([]);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const themeId = useId();
  const regionId = useId();

  useEffect(() => {
    const controller = new AbortController();
    fetchThemes(controller.signal).then(
      (result) => result.ok && setThemes(result.data.themes),
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    // The address follows the filters, so a filtered calendar can be shared.
    const params = new URLSearchParams(window.location.search);
    params.delete('theme');
    params.delete('region');
    const query = filterQuery(filter, Object.fromEntries(params));
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query}`);
    fetchConsultations(filter, controller.signal).then(
      (result) =>
        setState(
          result.ok
            ? { kind: 'loaded', consultations: result.data.consultations }
            : { kind: 'failed', error: errorKeyOf(result.error) },
        ),
      () => undefined,
    );
    return () => controller.abort();
  }, [filter, attempt]);

  if (textsFailed) return <TextsFailed retry={retryTexts} />;
  if (!ready) {
    return (
      <p role="status" className="status">
        {t('webinars.loading')}
      </p>
    );
  }
  return (
    <>
      <DocumentTitle>{`${t('resources.consultationsTitle')} · ${t('app.name')}`}</DocumentTitle>
      <h1>{t('resources.consultationsTitle')}</h1>
      <p className="lead">{t('resources.consultationsIntro')}</p>
      <form className="filters no-print" aria-label={t('resources.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={themeId}>{t('resources.filterTheme')}</label>
          <select
            id={themeId}
            value={filter.theme ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, theme: e.target.value || undefined }))}
          >
            <option value="">{t('resources.allThemes')}</option>
            {themes.map((theme) => {
              const name = localized(theme.name, language);
              return (
                <option key={theme.slug} value={theme.slug} lang={name.lang}>
                  {name.text}
                </option>
              );
            })}
            {filter.theme && !themes.some((theme) => theme.slug === filter.theme) && (
              <option value={filter.theme}>{filter.theme}</option>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor={regionId}>{t('resources.filterRegion')}</label>
          <select
            id={regionId}
            value={filter.region ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, region: e.target.value || undefined }))}
          >
            <option value="">{t('resources.allRegions')}</option>
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {t(`report.regions.${region}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="hint" data-testid="reader-zone">
        {t('resources.yourZone', { zone: zoneLabel(zone) })}
      </p>
      {state.kind === 'loading' && (
        <p role="status" className="status">
          {t('webinars.loading')}
        </p>
      )}
      {state.kind === 'failed' && (
        <div role="alert" className="notice notice-error">
          <p>{t('webinars.loadError')}</p>
          {state.error !== 'network' && <p>{t(`errors.${state.error}`)}</p>}
          <button type="button" className="button button-secondary" onClick={retry}>
            {t('webinars.retry')}
          </button>
        </div>
      )}
      {state.kind === 'loaded' && state.consultations.length === 0 && (
        <p className="status">{t('resources.consultationsEmpty')}</p>
      )}
      {state.kind === 'loaded' && state.consultations.length > 0 && (
        <ul className="cards">
          {state.consultations.map((c) => (
            <ConsultationCard key={c.id} consultation={c} />
          ))}
        </ul>
      )}
      <CalendarSubscribe filter={filter} />
    </>
  );
}
