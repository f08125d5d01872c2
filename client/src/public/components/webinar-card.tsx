import type { TPublicWebinar } from '@convene/shared';
import { useId } from 'react';
import { useTranslation } from '../../common/i18n/use-translation';
import { Link } from 'wouter';
import { localized } from './localized';
import { useLanguage } from './use-language';
import { WebinarFacts } from './webinar-facts';
import { WebinarTimes } from './webinar-times';

/** One webinar in the list; the title is the link to its page. */
export function WebinarCard({ webinar, themeLink = true }: { webinar: TPublicWebinar; themeLink?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = localized(webinar.title, language);
  const titleId = useId();
  const href = `/webinars/${webinar.slug}`;
  return (
    <li className="card" data-testid="webinar-card">
      <p className={`badge badge-${webinar.kind}`}>{t(`webinars.kind.${webinar.kind}`)}</p>
      <h2 className="card-title" id={titleId} lang={title.lang} dir={title.dir}>
        <Link href={href}>{title.text}</Link>
      </h2>
      <WebinarTimes startsAt={webinar.startsAt} hostTimeZone={webinar.hostTimeZone} />
      <WebinarFacts webinar={webinar} />
      {themeLink && (
        <p className="theme-link">
          <Link href={`/themes/${webinar.themeSlug}`}>{t('publicResources.themeLink')}</Link>
        </p>
      )}
      {/* The same target as the title, for readers who look for an action; named by the title. */}
      <Link href={href} className="card-action" aria-describedby={titleId}>
        {t('webinars.details')}
      </Link>
    </li>
  );
}
