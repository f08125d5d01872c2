import { formatInstant, type TConsultation, type TRegion } from '@convene/shared';
import { useId } from 'react';
import { useTimeZone } from '../../common/components/time-zone-context';
import { useResourcesTranslation } from '../i18n/resources-translation';
import { localized } from './localized';
import { useLanguage } from './use-language';

/** One consultation: kind, title, dates in the reader's zone (host's alongside), place, link. */
export function ConsultationCard({ consultation }: { consultation: TConsultation }) {
  const { t } = useResourcesTranslation();
  const language = useLanguage();
  const { zone } = useTimeZone();
  const titleId = useId();
  const title = localized(consultation.title, language);
  const description = localized(consultation.description, language);
  const starts = formatInstant(consultation.startsAt, zone, language);
  const ends = formatInstant(consultation.endsAt, zone, language);
  const host = formatInstant(consultation.startsAt, consultation.hostTimeZone, language);
  const cancelled = consultation.status === 'cancelled';
  return (
    <li className={`card consultation${cancelled ? ' consultation-cancelled' : ''}`} data-testid="consultation">
      <p className="badge">{t(`resources.kind.${consultation.kind}`)}</p>
      <h3 className="card-title" id={titleId} lang={title.lang} dir={title.dir}>
        {title.text}
      </h3>
      {cancelled && <p className="notice notice-error">{t('resources.cancelled')}</p>}
      <dl className="times">
        <div className="times-row times-row-yours">
          <dt>{t('resources.starts')}</dt>
          <dd data-testid="consultation-starts">
            <time dateTime={consultation.startsAt}>{starts.full}</time>
          </dd>
        </div>
        <div className="times-row">
          <dt>{t('resources.ends')}</dt>
          <dd>
            <time dateTime={consultation.endsAt}>{ends.full}</time>
          </dd>
        </div>
        <div className="times-row">
          <dt>{t('webinars.hostTime')}</dt>
          <dd data-testid="consultation-host-time">
            <time dateTime={consultation.startsAt}>{host.full}</time>
          </dd>
        </div>
      </dl>
      <ul className="facts">
        {consultation.place && (
          <li>
            <span className="fact-label">{t('resources.place')}</span> {consultation.place}
          </li>
        )}
        {consultation.online && <li>{t('resources.online')}</li>}
        {consultation.region && <li>{t(`report.regions.${consultation.region as TRegion}`)}</li>}
      </ul>
      {description.text && (
        <p className="description" lang={description.lang} dir={description.dir}>
          {description.text}
        </p>
      )}
      {consultation.link && (
        <p>
          <a href={consultation.link} rel="noopener noreferrer" aria-describedby={titleId}>
            {t('resources.link')}
          </a>
        </p>
      )}
    </li>
  );
}
