import { formatInstant, type TPublicWebinar, type TRegistrationResult } from '@convene/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from '../../common/i18n/use-translation';
import { Link } from 'wouter';
import { CalendarLink } from './calendar-link';
import { useLanguage } from './use-language';

type Props = { webinar: TPublicWebinar; result: TRegistrationResult };

/**
 * What a registrant sees after submitting: confirmed, waitlisted, or already registered; a
 * new place comes with its calendar file (the link opens that file only).
 */
export function Confirmation({ webinar, result }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { registration, alreadyRegistered } = result;

  // The form the reader was in is gone: put them on the outcome.
  useEffect(() => headingRef.current?.focus(), []);

  const message = alreadyRegistered
    ? t('confirmation.already')
    : registration.status === 'waitlisted'
      ? t('confirmation.waitlisted')
      : t('confirmation.confirmed');
  // In the zone they registered with: the one their emails and calendar invite use.
  const starts = formatInstant(webinar.startsAt, registration.timeZone, language);

  return (
    <section
      className={`confirmation confirmation-${alreadyRegistered ? 'already' : registration.status}`}
      data-testid="confirmation"
      data-status={registration.status}
      aria-labelledby="confirmation-title"
    >
      <h2 id="confirmation-title" ref={headingRef} tabIndex={-1}>
        {t('confirmation.title')}
      </h2>
      <p>{message}</p>
      <p>
        <span className="fact-label">{t('confirmation.startsAt')}</span>{' '}
        <time dateTime={webinar.startsAt}>{starts.full}</time>
      </p>
      {result.calendarUrl && <CalendarLink href={result.calendarUrl} testId="confirmation-calendar" />}
      <p>
        <Link href="/" className="back-link">
          {t('webinars.back')}
        </Link>
      </p>
    </section>
  );
}
