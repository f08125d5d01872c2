import type { TPublicWebinar, TRegistrationResult } from '@convene/shared';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useTranslation } from '../../common/i18n/use-translation';
import { errorKeyOf, type ErrorKey } from '../../common/api/error-key';
import type { InvitationPrefill } from '../api/invitations';
import { cachedWebinar, fetchWebinar } from '../api/webinars';
import { Confirmation } from '../components/confirmation';
import { localized } from '../components/localized';
import { RegistrationForm } from '../components/registration-form';
import { useInvitationPrefill } from '../components/use-invitation';
import { useLanguage } from '../components/use-language';
import { WebinarFacts } from '../components/webinar-facts';
import { WebinarTimes } from '../components/webinar-times';
import { BackLink } from '../components/back-link';
import { DocumentTitle } from '../../common/components/document-title';

type State =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed'; error: ErrorKey }
  | { kind: 'loaded'; webinar: TPublicWebinar };

function initialState(slug: string): State {
  const cached = cachedWebinar(slug);
  return cached ? { kind: 'loaded', webinar: cached } : { kind: 'loading' };
}

/** `/webinars/:slug`: details, times and the registration form, then the confirmation. */
export function WebinarPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>(() => initialState(slug));
  const [attempt, setAttempt] = useState(0);
  const [registered, setRegistered] = useState<TRegistrationResult | null>(null);
  const prefill = useInvitationPrefill();
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setState(initialState(slug));
    setRegistered(null);
    fetchWebinar(slug, controller.signal).then(
      (result) => {
        if (result.ok) setState({ kind: 'loaded', webinar: result.data.webinar });
        else if (result.error.status === 404) setState({ kind: 'not-found' });
        // Keep showing what the list gave us if the refresh alone failed.
        else setState((s) => (s.kind === 'loaded' ? s : { kind: 'failed', error: errorKeyOf(result.error) }));
      },
      () => undefined, // aborted on unmount
    );
    return () => controller.abort();
  }, [slug, attempt]);

  const back = <BackLink />;

  switch (state.kind) {
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
          <p>{t('webinars.notFound')}</p>
        </>
      );
    case 'failed':
      return (
        <>
          {back}
          <div role="alert" className="notice notice-error">
            <p>{t('webinars.loadError')}</p>
            {state.error !== 'network' && <p>{t(`errors.${state.error}`)}</p>}
            <button type="button" className="button button-secondary" onClick={retry}>
              {t('webinars.retry')}
            </button>
          </div>
        </>
      );
    case 'loaded':
      return (
        <WebinarDetails
          webinar={state.webinar}
          back={back}
          registered={registered}
          onRegistered={setRegistered}
          prefill={prefill}
        />
      );
  }
}

type DetailsProps = {
  webinar: TPublicWebinar;
  back: ReactNode;
  registered: TRegistrationResult | null;
  onRegistered: (result: TRegistrationResult) => void;
  prefill: InvitationPrefill | null;
};

function WebinarDetails({ webinar, back, registered, onRegistered, prefill }: DetailsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = localized(webinar.title, language);
  const description = localized(webinar.description, language);
  const open = webinar.status === 'scheduled';

  return (
    <article className="webinar">
      <DocumentTitle>{`${title.text} · ${t('app.name')}`}</DocumentTitle>
      {back}
      <p className={`badge badge-${webinar.kind}`}>{t(`webinars.kind.${webinar.kind}`)}</p>
      <h1 lang={title.lang} dir={title.dir}>
        {title.text}
      </h1>
      {webinar.status === 'cancelled' && <p className="notice notice-error">{t('webinars.cancelled')}</p>}
      {webinar.status === 'completed' && <p className="notice">{t('webinars.completed')}</p>}
      <WebinarTimes startsAt={webinar.startsAt} hostTimeZone={webinar.hostTimeZone} testIds />
      <WebinarFacts webinar={webinar} />
      <p className="theme-link">
        <Link href={`/themes/${webinar.themeSlug}`} data-testid="theme-link">
          {t('publicResources.themeLink')}
        </Link>
      </p>
      <div className="description" lang={description.lang} dir={description.dir}>
        {description.text}
      </div>

      {webinar.status === 'completed' && <AfterWebinar webinar={webinar} language={language} />}

      {registered ? (
        <Confirmation webinar={webinar} result={registered} />
      ) : open ? (
        <section className="register" aria-labelledby="register-title">
          <h2 id="register-title">{t('form.title')}</h2>
          {webinar.seatsLeft === 0 && <p className="notice">{t('form.waitlistNotice')}</p>}
          <RegistrationForm webinar={webinar} onRegistered={onRegistered} prefill={prefill} />
        </section>
      ) : (
        <p className="notice">{t('errors.registration_closed')}</p>
      )}
    </article>
  );
}

/** A completed webinar: its recording, and the input form pre-tagged with its theme. */
function AfterWebinar({ webinar, language }: { webinar: TPublicWebinar; language: string }) {
  const { t } = useTranslation();
  const form = `/report?${new URLSearchParams({ theme: webinar.themeSlug, webinar: webinar.slug, lang: language }).toString()}`;
  return (
    <section className="after-webinar" aria-labelledby="after-webinar-title">
      <h2 id="after-webinar-title">{t('webinarFollowUp.title')}</h2>
      <ul>
        {webinar.recordingUrl && (
          <li>
            <a href={webinar.recordingUrl} rel="noopener noreferrer">
              {t('webinarFollowUp.recording')}
            </a>
          </li>
        )}
        <li>
          <a href={form}>{t('webinarFollowUp.input')}</a>
        </li>
      </ul>
    </section>
  );
}
