import { formatInstant } from '@convene/shared';
import { useTranslation } from '../../common/i18n/use-translation';
import { useTimeZone } from '../../common/components/time-zone-context';
import { useLanguage } from './use-language';

type Props = {
  startsAt: string;
  hostTimeZone: string;
  /** Put test ids on the two times (the webinar page; the list has many). */
  testIds?: boolean;
};

/** The start in the reader's zone, with the host's own time alongside; zones always named. */
export function WebinarTimes({ startsAt, hostTimeZone, testIds = false }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { zone } = useTimeZone();
  const yours = formatInstant(startsAt, zone, language);
  const host = formatInstant(startsAt, hostTimeZone, language);
  return (
    <dl className="times">
      <div className="times-row times-row-yours">
        <dt>{t('webinars.yourTime')}</dt>
        <dd data-testid={testIds ? 'your-time' : undefined}>
          <time dateTime={startsAt}>{yours.full}</time>
        </dd>
      </div>
      <div className="times-row">
        <dt>{t('webinars.hostTime')}</dt>
        <dd data-testid={testIds ? 'host-time' : undefined}>
          <time dateTime={startsAt}>{host.full}</time>
        </dd>
      </div>
    </dl>
  );
}
