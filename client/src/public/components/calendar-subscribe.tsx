import { useId } from 'react';
import { useResourcesTranslation } from '../i18n/resources-translation';
import { feedUrl, type ConsultationFilter } from '../api/public-resources';
import { useLanguage } from './use-language';

/** The iCalendar feed of what is shown, as a link and as an address to copy into a calendar app. */
export function CalendarSubscribe({ filter }: { filter: ConsultationFilter }) {
  const { t } = useResourcesTranslation();
  const language = useLanguage();
  const id = useId();
  const url = feedUrl(filter, language);
  return (
    <section className="subscribe" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('resources.subscribeTitle')}</h2>
      <p>
        <a href={url} data-testid="calendar-feed">
          {t('resources.subscribe')}
        </a>
      </p>
      <p className="hint" id={`${id}-hint`}>
        {t('resources.subscribeHint')}
      </p>
      <input
        className="feed-url"
        type="text"
        readOnly
        value={url}
        dir="ltr"
        aria-label={t('resources.subscribe')}
        aria-describedby={`${id}-hint`}
        onFocus={(e) => e.currentTarget.select()}
      />
    </section>
  );
}
