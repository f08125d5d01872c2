import type { TManagedRegistration } from '@convene/shared';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../../common/i18n/use-translation';
import { errorKeyOf, type ErrorKey } from '../../common/api/error-key';
import { cancelManagedRegistration, fetchManagedRegistration, manageCalendarUrl } from '../api/registrations';
import { CalendarLink } from '../components/calendar-link';
import { ManagePreferences } from '../components/manage-preferences';
import { RegisterAgain } from '../components/register-again';
import { localized } from '../components/localized';
import { zoneLabel } from '../../common/components/time-zone-context';
import { useLanguage } from '../components/use-language';
import { WebinarTimes } from '../components/webinar-times';
import { endonym } from '../../common/i18n/setup';
import { BackLink } from '../components/back-link';
import { DeleteMyData } from '../components/delete-my-data';
import { PrivacyLink } from '../components/privacy-link';
import { useDocumentTitle } from '../../common/components/document-title';

type State =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'deleted' }
  | { kind: 'failed'; error: ErrorKey }
  | { kind: 'loaded'; managed: TManagedRegistration };

/**
 * `/manage/:token`: the link in every email. The registrant sees their registration, changes
 * the language and time zone of their mails, downloads its calendar file, cancels it, and
 * after cancelling finds the way to register again; or deletes the registration and their data. The token is the only credential, so the
 * page asks not to be indexed.
 */
export function ManagePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const onUpdated = useCallback((managed: TManagedRegistration) => setState({ kind: 'loaded', managed }), []);
  const onGone = useCallback(() => setState({ kind: 'not-found' }), []);
  const onDeleted = useCallback(() => setState({ kind: 'deleted' }), []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchManagedRegistration(token, controller.signal).then(
      (result) => {
        if (result.ok) setState({ kind: 'loaded', managed: result.data });
        else if (result.error.status === 404) setState({ kind: 'not-found' });
        else if (result.error.status === 410) setState({ kind: 'deleted' });
        else setState({ kind: 'failed', error: errorKeyOf(result.error) });
      },
      () => undefined, // aborted on unmount
    );
    return () => controller.abort();
  }, [token, attempt]);

  useDocumentTitle(`${t('manage.title')} · ${t('app.name')}`);
  // Not indexed: the server sends /manage pages with `X-Robots-Tag: noindex` and the robots
  // meta in their HTML (server/src/client-pages/page-routes.ts), which crawlers read without JS.
  const back = <BackLink />;

  switch (state.kind) {
    case 'loading':
      return (
        <>
          {back}
          <h1>{t('manage.title')}</h1>
          <p role="status" className="status">
            {t('webinars.loading')}
          </p>
        </>
      );
    case 'not-found':
      return (
        <>
          {back}
          <h1>{t('manage.title')}</h1>
          <p className="notice notice-error" data-testid="manage-not-found">
            {t('manage.notFound')}
          </p>
        </>
      );
    case 'deleted':
      return (
        <>
          {back}
          <h1>{t('manage.title')}</h1>
          <p role="status" className="notice notice-success" data-testid="manage-deleted" tabIndex={-1}>
            {t('manage.deleted')}
          </p>
        </>
      );
    case 'failed':
      return (
        <>
          {back}
          <h1>{t('manage.title')}</h1>
          <div role="alert" className="notice notice-error">
            <p>{t(`errors.${state.error}`)}</p>
            <button type="button" className="button button-secondary" onClick={retry}>
              {t('webinars.retry')}
            </button>
          </div>
        </>
      );
    case 'loaded':
      return (
        <>
          <ManagedRegistration
            token={token}
            managed={state.managed}
            back={back}
            onUpdated={onUpdated}
            onGone={onGone}
            onDeleted={onDeleted}
          />
        </>
      );
  }
}

type Step = 'idle' | 'confirming' | 'sending';
type FocusTarget = 'question' | 'outcome' | 'error';

type DetailsProps = {
  token: string;
  managed: TManagedRegistration;
  back: ReactNode;
  onUpdated: (managed: TManagedRegistration) => void;
  /** The token stopped being valid between loading and cancelling. */
  onGone: () => void;
  /** The registrant deleted their registration and data. */
  onDeleted: () => void;
};

/** The registration, the webinar's times, the registrant's choices, and cancelling in two steps. */
function ManagedRegistration({ token, managed, back, onUpdated, onGone, onDeleted }: DetailsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { registration, webinar } = managed;
  const title = localized(webinar.title, language);
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<ErrorKey | null>(null);
  const [cancelled, setCancelled] = useState(false);
  // A new object each time, so the same target can be focused again.
  const [focus, setFocus] = useState<{ target: FocusTarget } | null>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focus) return;
    const refs = { question: questionRef, outcome: outcomeRef, error: errorRef };
    refs[focus.target].current?.focus();
  }, [focus]);

  // Cancelling a webinar that took place, or one the coalition cancelled, changes nothing.
  const canCancel =
    registration.status !== 'cancelled' && webinar.status !== 'cancelled' && webinar.status !== 'completed';
  const sending = step === 'sending';
  const active = registration.status !== 'cancelled' && webinar.status !== 'cancelled';
  // As the server: only a confirmed place has an event to add (it carries the join link).
  const hasCalendar = registration.status === 'confirmed' && webinar.status === 'scheduled';

  function toggleConfirmation() {
    if (sending) return;
    setError(null);
    if (step === 'idle') {
      setStep('confirming');
      // The question first: a reader pressing Enter twice must not cancel by accident.
      setFocus({ target: 'question' });
    } else {
      setStep('idle');
    }
  }

  async function confirmCancel() {
    if (sending) return;
    setStep('sending');
    setError(null);
    const result = await cancelManagedRegistration(token);
    if (result.ok) {
      setStep('idle');
      setCancelled(true);
      onUpdated(result.data);
      // The buttons are gone: put the reader on the outcome.
      setFocus({ target: 'outcome' });
    } else if (result.error.status === 404) {
      onGone();
    } else {
      setStep('confirming');
      setError(errorKeyOf(result.error));
      setFocus({ target: 'error' });
    }
  }

  return (
    <article className="manage">
      {back}
      <h1>{t('manage.title')}</h1>
      <p className={`manage-status manage-status-${registration.status}`} data-testid="manage-status">
        {t(`manage.status.${registration.status}`)}
      </p>

      <section className="manage-webinar" aria-labelledby="manage-webinar-title">
        <h2 id="manage-webinar-title" lang={title.lang} dir={title.dir}>
          {title.text}
        </h2>
        {webinar.status === 'cancelled' && <p className="notice notice-error">{t('webinars.cancelled')}</p>}
        {webinar.status === 'completed' && <p className="notice">{t('webinars.completed')}</p>}
        <WebinarTimes startsAt={webinar.startsAt} hostTimeZone={webinar.hostTimeZone} testIds />
        {hasCalendar && <CalendarLink href={manageCalendarUrl(token)} testId="manage-calendar" hint />}
      </section>

      <dl className="manage-details">
        <div className="manage-details-row">
          <dt>{t('form.name')}</dt>
          <dd>{registration.name}</dd>
        </div>
        <div className="manage-details-row">
          <dt>{t('form.email')}</dt>
          <dd>
            {/* Isolated left-to-right, but aligned with the page (right in Arabic). */}
            <bdi dir="ltr">{registration.email}</bdi>
          </dd>
        </div>
        <div className="manage-details-row">
          <dt>{t('form.language')}</dt>
          <dd lang={registration.language}>{endonym(registration.language)}</dd>
        </div>
        <div className="manage-details-row">
          <dt>{t('form.timeZone')}</dt>
          <dd>{zoneLabel(registration.timeZone)}</dd>
        </div>
      </dl>

      {active && <ManagePreferences token={token} registration={registration} onUpdated={onUpdated} onGone={onGone} />}

      {/* Always in the page, so screen readers announce what appears in it. */}
      <div ref={outcomeRef} role="status" tabIndex={-1} className="manage-outcome">
        {cancelled && <p className="notice notice-success">{t('manage.cancelled')}</p>}
      </div>

      {canCancel && (
        <div className="manage-actions">
          {error && (
            <div ref={errorRef} role="alert" tabIndex={-1} className="notice notice-error">
              <p>{t(`errors.${error}`)}</p>
            </div>
          )}
          <button
            type="button"
            className="button button-secondary"
            data-testid="manage-cancel"
            aria-expanded={step !== 'idle'}
            aria-controls="manage-confirm"
            disabled={sending}
            onClick={toggleConfirmation}
          >
            {t('manage.cancel')}
          </button>
          <div
            id="manage-confirm"
            className="notice notice-error manage-confirm"
            role="group"
            aria-labelledby="manage-confirm-question"
            hidden={step === 'idle'}
          >
            <p id="manage-confirm-question" ref={questionRef} tabIndex={-1}>
              {t('manage.confirmCancel')}
            </p>
            <button
              type="button"
              className="button button-danger"
              data-testid="manage-confirm-cancel"
              disabled={sending}
              aria-busy={sending}
              onClick={() => void confirmCancel()}
            >
              {sending ? t('form.submitting') : t('manage.confirm')}
            </button>
          </div>
        </div>
      )}

      {registration.status === 'cancelled' && webinar.status !== 'cancelled' && <RegisterAgain webinar={webinar} />}

      <DeleteMyData token={token} onDeleted={onDeleted} onGone={onGone} />
      <p className="hint manage-privacy">
        <PrivacyLink long />
      </p>
    </article>
  );
}
