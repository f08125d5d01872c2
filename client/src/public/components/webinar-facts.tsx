import type { TLanguage, TPublicWebinar } from '@convene/shared';
import { useTranslation } from '../../common/i18n/use-translation';
import { useLanguage } from './use-language';

/** "English, French and Arabic" in the reader's language. */
function languageList(codes: readonly TLanguage[], reader: TLanguage): string {
  const names = new Intl.DisplayNames([reader], { type: 'language' });
  return new Intl.ListFormat(reader, { type: 'conjunction' }).format(codes.map((c) => names.of(c) ?? c));
}

/** Duration, spoken languages and seats of a webinar. */
export function WebinarFacts({ webinar }: { webinar: TPublicWebinar }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="facts">
      <li>{t('webinars.duration', { minutes: webinar.durationMinutes })}</li>
      {webinar.languages.length > 0 && (
        <li>
          <span className="fact-label">{t('webinars.languages')}</span> {languageList(webinar.languages, language)}
        </li>
      )}
      {webinar.seatsLeft !== null && (
        <li className={webinar.seatsLeft === 0 ? 'fact-full' : undefined}>
          {webinar.seatsLeft === 0 ? t('webinars.full') : t('webinars.seatsLeft', { count: webinar.seatsLeft })}
        </li>
      )}
    </ul>
  );
}
