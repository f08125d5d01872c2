import type { TRetentionCategory } from '@convene/shared';
import { useMemo } from 'react';
import { getRetention } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { Instant } from '../components/instant';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';

/** Days shown per category: the page is a forecast, not a list of people. */
const SHOWN_DAYS = 12;

/**
 * /admin/retention (admins): the configured periods, and what the worker's purge erases when —
 * counts per category and day, never who.
 */
export function RetentionPage() {
  const { t, language } = useAdminTranslation();
  const [forecast, reload] = useResource('retention', (signal) => getRetention(signal));
  // The due days are UTC calendar days: formatted as dates, in UTC, so no zone shifts them.
  const day = useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    return (iso: string) => format.format(new Date(`${iso}T00:00:00Z`));
  }, [language]);

  return (
    <div className="retention-page">
      <PageTitle>{t('admin.retention.title')}</PageTitle>
      <div className="page-heading">
        <h1>{t('admin.retention.title')}</h1>
        <button type="button" className="button button-secondary button-small" onClick={reload}>
          {t('admin.retention.refresh')}
        </button>
      </div>
      <p className="lead">{t('admin.retention.intro')}</p>
      {forecast.state === 'loading' && (
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      )}
      {forecast.state === 'failed' && <ErrorNotice error={forecast.error} onRetry={reload} />}
      {forecast.state === 'ok' && (
        <>
          <section aria-labelledby="retention-periods">
            <h2 id="retention-periods">{t('admin.retention.periods')}</h2>
            <ul data-testid="retention-periods">
              {forecast.data.categories.map((c) => (
                <li key={c.category} data-category={c.category}>
                  {t(ruleKey(c.category), { days: c.days })}
                </li>
              ))}
            </ul>
            <p>{t('admin.retention.every', { minutes: forecast.data.everyMinutes })}</p>
          </section>
          <section aria-labelledby="retention-forecast">
            <h2 id="retention-forecast">{t('admin.retention.forecast')}</h2>
            <div className="table-scroll">
              <table className="data-table compact" data-testid="retention-table" aria-busy={forecast.refreshing}>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.retention.category')}</th>
                    <th scope="col">{t('admin.retention.dueNow')}</th>
                    <th scope="col">{t('admin.retention.upcoming')}</th>
                  </tr>
                </thead>
                <tbody>
                  {forecast.data.categories.map((c) => (
                    <tr key={c.category} data-testid="retention-row" data-category={c.category}>
                      <th scope="row">{t(`admin.retention.categories.${c.category}`)}</th>
                      <td data-testid="retention-due-now">{c.dueNow}</td>
                      <td>
                        {c.upcoming.length === 0 ? (
                          t('admin.retention.nothingLater')
                        ) : (
                          <ul className="plain-list">
                            {c.upcoming.slice(0, SHOWN_DAYS).map((u) => (
                              <li key={u.day} data-testid="retention-upcoming" data-day={u.day}>
                                <time dateTime={u.day}>{day(u.day)}</time>: {u.count}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="retention-last">
            <h2 id="retention-last">{t('admin.retention.lastPurge')}</h2>
            {forecast.data.lastPurge ? (
              <p data-testid="retention-last-purge">
                <Instant value={forecast.data.lastPurge.at} />{' '}
                {t('admin.retention.lastPurgeCounts', forecast.data.lastPurge.counts)}
              </p>
            ) : (
              <p>{t('admin.retention.noPurge')}</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function ruleKey(category: TRetentionCategory) {
  return `admin.retention.rules.${category}` as const;
}
