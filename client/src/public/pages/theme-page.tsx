import { formatInstant, type TPublicWebinar, type TPublishedBrief, type TThemePage } from '@convene/shared';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { errorKeyOf, type ErrorKey } from '../../common/api/error-key';
import { useTimeZone } from '../../common/components/time-zone-context';
import { useResourcesTranslation } from '../i18n/resources-translation';
import './public-resources.css';
import { briefDownloadPath, fetchThemePage } from '../api/public-resources';
import { BackLink } from '../components/back-link';
import { TextsFailed } from '../components/texts-failed';
import { CalendarSubscribe } from '../components/calendar-subscribe';
import { ConsultationCard } from '../components/consultation-card';
import { localized } from '../components/localized';
import { useLanguage } from '../components/use-language';
import { WebinarCard } from '../components/webinar-card';
import { DocumentTitle } from '../../common/components/document-title';

type State =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed'; error: ErrorKey }
  | { kind: 'loaded'; page: TThemePage };

/** `/themes/:slug`: what members need to prepare on one theme — webinars, recordings, briefs, consultations. */
export function ThemePage({ slug }: { slug: string }) {
  const { t, ready, failed: textsFailed, retry: retryTexts } = useResourcesTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchThemePage(slug, controller.signal).then(
      (result) => {
        if (result.ok) setState({ kind: 'loaded', page: result.data });
        else if (result.error.status === 404) setState({ kind: 'not-found' });
        else setState({ kind: 'failed', error: errorKeyOf(result.error) });
      },
      () => undefined, // aborted on unmount
    );
    return () => controller.abort();
  }, [slug, attempt]);

  const back = <BackLink />;
  if (textsFailed) return <TextsFailed retry={retryTexts} />;
  switch (ready ? state.kind : 'loading') {
    case 'loading':
      return (
        <>
          {back}
          <p role="status" className="status">
            {t('webinars.loading')}
          </p>
        </>
      );
    case 'not-found':
      return (
        <>
          <DocumentTitle>{`${t('errors.not_found')} · ${t('app.name')}`}</DocumentTitle>
          {back}
          <h1>{t('errors.not_found')}</h1>
          <p>{t('resources.themeNotFound')}</p>
        </>
      );
    case 'failed':
      return (
        <>
          {back}
          <div role="alert" className="notice notice-error">
            <p>{t('webinars.loadError')}</p>
            {state.kind === 'failed' && state.error !== 'network' && <p>{t(`errors.${state.error}`)}</p>}
            <button type="button" className="button button-secondary" onClick={retry}>
              {t('webinars.retry')}
            </button>
          </div>
        </>
      );
    case 'loaded':
      return state.kind === 'loaded' ? <ThemeDetails page={state.page} back={back} /> : null;
  }
}

function ThemeDetails({ page, back }: { page: TThemePage; back: ReactNode }) {
  const { t } = useResourcesTranslation();
  const language = useLanguage();
  const name = localized(page.theme.name, language);
  const description = localized(page.theme.description, language);
  return (
    <article className="theme-page">
      <DocumentTitle>{`${name.text} · ${t('app.name')}`}</DocumentTitle>
      {back}
      <h1 lang={name.lang} dir={name.dir}>
        {name.text}
      </h1>
      <div className="description" lang={description.lang} dir={description.dir}>
        {description.text}
      </div>
      <p className="no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('resources.printPage')}
        </button>
      </p>

      <section aria-labelledby="theme-briefs">
        <h2 id="theme-briefs">{t('resources.briefsTitle')}</h2>
        <p>{t('resources.briefsIntro')}</p>
        {page.briefs.length === 0 ? (
          <p className="status">{t('resources.briefsEmpty')}</p>
        ) : (
          <ul className="briefs">
            {page.briefs.map((brief) => (
              <BriefItem key={brief.number} slug={page.theme.slug} brief={brief} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="theme-upcoming">
        <h2 id="theme-upcoming">{t('resources.upcomingTitle')}</h2>
        {page.upcoming.length === 0 ? (
          <p className="status">{t('resources.upcomingEmpty')}</p>
        ) : (
          <ul className="cards">
            {page.upcoming.map((w) => (
              <WebinarCard key={w.id} webinar={w} themeLink={false} />
            ))}
          </ul>
        )}
      </section>

      {page.completed.length > 0 && (
        <section aria-labelledby="theme-completed">
          <h2 id="theme-completed">{t('resources.completedTitle')}</h2>
          <ul className="cards">
            {page.completed.map((w) => (
              <CompletedWebinar key={w.id} webinar={w} />
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="theme-consultations">
        <h2 id="theme-consultations">{t('resources.themeConsultationsTitle')}</h2>
        {page.consultations.length === 0 ? (
          <p className="status">{t('resources.consultationsEmpty')}</p>
        ) : (
          <ul className="cards">
            {page.consultations.map((c) => (
              <ConsultationCard key={c.id} consultation={c} />
            ))}
          </ul>
        )}
        <p className="no-print">
          <Link href={`/consultations?theme=${page.theme.slug}`}>{t('resources.consultationsTitle')}</Link>
        </p>
      </section>
      <CalendarSubscribe filter={{ theme: page.theme.slug }} />
    </article>
  );
}

function BriefItem({ slug, brief }: { slug: string; brief: TPublishedBrief }) {
  const { t } = useResourcesTranslation();
  const language = useLanguage();
  const { zone } = useTimeZone();
  const name = t('resources.briefName', { number: brief.number });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: zone }).format(
    new Date(brief.frozenAt),
  );
  return (
    <li className="brief" data-testid="published-brief">
      <h3>{name}</h3>
      <p>{t('resources.briefFacts', { count: brief.reports, date })}</p>
      <ul className="downloads">
        <li>
          <a
            href={briefDownloadPath(slug, brief.number, 'docx', language)}
            download
            aria-label={t('resources.downloadLabel', { number: brief.number, format: 'Word' })}
          >
            {t('resources.downloadWord')}
          </a>
        </li>
        <li>
          <a
            href={briefDownloadPath(slug, brief.number, 'md', language)}
            download
            aria-label={t('resources.downloadLabel', { number: brief.number, format: 'Markdown' })}
          >
            {t('resources.downloadMarkdown')}
          </a>
        </li>
      </ul>
    </li>
  );
}

function CompletedWebinar({ webinar }: { webinar: TPublicWebinar }) {
  const { t } = useResourcesTranslation();
  const language = useLanguage();
  const { zone } = useTimeZone();
  const title = localized(webinar.title, language);
  const when = formatInstant(webinar.startsAt, zone, language);
  return (
    <li className="card" data-testid="completed-webinar">
      <h3 className="card-title" lang={title.lang} dir={title.dir}>
        <Link href={`/webinars/${webinar.slug}`}>{title.text}</Link>
      </h3>
      <p>
        <time dateTime={webinar.startsAt}>{when.full}</time>
      </p>
      {webinar.recordingUrl ? (
        <p>
          <a href={webinar.recordingUrl} rel="noopener noreferrer" data-testid="recording-link">
            {t('resources.recording')}
          </a>
        </p>
      ) : (
        <p className="hint">{t('resources.noRecording')}</p>
      )}
    </li>
  );
}
