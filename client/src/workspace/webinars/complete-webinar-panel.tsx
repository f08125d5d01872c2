import type { TAdminWebinar, TRegistrantList } from '@convene/shared';
import { useRef, useState } from 'react';
import { completeWebinar } from '../api/endpoints';
import { ErrorNotice, useFieldErrorText } from '../components/errors';
import { useInstantFormat } from '../components/instant';
import { useAction } from '../components/use-action';
import type { Resource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { endOfWebinar, usePassed } from './webinar-timing';

type Props = {
  webinar: TAdminWebinar;
  /** The registrations' counts: who gets which follow-up. */
  registrations: Resource<TRegistrantList>;
  reloadRegistrations: () => void;
  /** Loads the webinar again: the server found it not over, its start may have moved. */
  reloadWebinar: () => void;
  onDone: (webinar: TAdminWebinar) => void;
};

/**
 * Completes a scheduled webinar once it is over, in two steps: the button, then a
 * confirmation in the page saying how many attendees and confirmed absentees get which
 * follow-up (and taking the recording link). Before the end it only says when it can be done.
 */
export function CompleteWebinarPanel({ webinar, registrations, reloadRegistrations, reloadWebinar, onDone }: Props) {
  const { t } = useAdminTranslation();
  const format = useInstantFormat();
  const fieldText = useFieldErrorText();
  const endsAt = endOfWebinar(webinar);
  const over = usePassed(endsAt.getTime());
  const [confirming, setConfirming] = useState(false);
  const [url, setUrl] = useState(webinar.recordingUrl ?? '');
  const action = useAction(async () => {
    const result = await completeWebinar(webinar.id, url.trim() || null);
    // Not over by the server's clock: its start may have moved since this page loaded it.
    if (!result.ok && result.error.code === 'webinar_not_over') reloadWebinar();
    return result;
  });
  const startRef = useRef<HTMLButtonElement>(null);
  const confirmTitleRef = useRef<HTMLHeadingElement>(null);
  const fieldError = action.error?.fields?.recordingUrl?.code;
  // The server decides: it may find the webinar not over when this page thought it was.
  const notOver = action.error?.code === 'webinar_not_over';
  const countsReady = registrations.state === 'ok' && !registrations.refreshing;

  const open = () => {
    action.clearError();
    // The counts may have moved since the page loaded (attendance imported meanwhile).
    reloadRegistrations();
    setConfirming(true);
    window.setTimeout(() => confirmTitleRef.current?.focus(), 0);
  };
  const keep = () => {
    action.clearError();
    setConfirming(false);
    window.setTimeout(() => startRef.current?.focus(), 0);
  };

  return (
    <section aria-labelledby="complete-title" className="panel" data-testid="complete-panel">
      <h2 id="complete-title">{t('admin.webinars.complete.title')}</h2>
      <p>{t('admin.webinars.complete.hint')}</p>
      {!over ? (
        <p data-testid="complete-available-after">
          {t('admin.webinarCompletion.availableAfter', { time: format.full(endsAt) })}
        </p>
      ) : !confirming ? (
        <button ref={startRef} type="button" className="button" data-testid="complete-webinar" onClick={open}>
          {t('admin.webinarCompletion.start')}
        </button>
      ) : (
        <form
          className="form"
          noValidate
          aria-labelledby="complete-confirm-title"
          data-testid="complete-confirmation"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!countsReady) return;
            const done = await action.run();
            if (done) onDone(done);
          }}
        >
          <h3 id="complete-confirm-title" ref={confirmTitleRef} tabIndex={-1}>
            {t('admin.webinarCompletion.confirmTitle')}
          </h3>
          {registrations.state === 'ok' ? (
            <ul className="plain-list" aria-busy={registrations.refreshing || undefined}>
              <li data-testid="complete-attendees">
                {t('admin.webinarCompletion.attendees', { count: registrations.data.counts.attended })}
              </li>
              <li data-testid="complete-absentees">
                {t('admin.webinarCompletion.absentees', { count: registrations.data.counts.absentees })}
              </li>
            </ul>
          ) : registrations.state === 'loading' ? (
            <p role="status" className="status">
              {t('admin.webinarCompletion.counting')}
            </p>
          ) : (
            <ErrorNotice error={registrations.error} onRetry={reloadRegistrations} />
          )}
          <p className="hint">{t('admin.webinarCompletion.final')}</p>
          <div className={`field${fieldError ? ' field-invalid' : ''}`}>
            <label htmlFor="recording-url">{t('admin.webinars.complete.recordingUrl')}</label>
            <span id="recording-url-hint" className="hint">
              {t('admin.webinarCompletion.recordingHint')}
            </span>
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
              aria-describedby={fieldError ? 'recording-url-error recording-url-hint' : 'recording-url-hint'}
            />
          </div>
          <div className="button-row">
            <button
              type="submit"
              className="button"
              disabled={action.busy || !countsReady}
              data-testid="confirm-complete-webinar"
            >
              {t('admin.webinarCompletion.confirm')}
            </button>
            <button type="button" className="button button-secondary" data-testid="keep-webinar-open" onClick={keep}>
              {t('admin.webinarCompletion.keep')}
            </button>
          </div>
          {action.error && !fieldError && !notOver && <ErrorNotice error={action.error} />}
        </form>
      )}
      {notOver && (
        <div role="alert" className="notice notice-error" data-testid="complete-not-over">
          <p>{t('admin.webinarCompletion.notOver', { time: format.full(endsAt) })}</p>
        </div>
      )}
    </section>
  );
}
