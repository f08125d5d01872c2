import type { TAdminWebinar } from '@convene/shared';
import { Link, useLocation } from 'wouter';
import { ErrorNotice } from '../components/errors';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { listWebinars } from '../api/endpoints';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useUser } from '../session/session';
import { RegistrationCounts } from './registration-counts';
import { WebinarActions } from './webinar-actions';
import { WebinarDetailsForm } from './webinar-details-form';

/**
 * /admin/webinars/new and /admin/webinars/:id: schedule, edit (reschedule), see attendance,
 * complete, cancel. The page composes the heading; each action is a component of its own.
 */
export function WebinarEditPage({ id }: { id: string | null }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const [, navigate] = useLocation();
  const [list, reload, update] = useResource(`webinars:${id ?? 'new'}`, (signal) => listWebinars(signal));
  const [announce, liveRegion] = useAnnouncer();
  // Webinars are programme-wide: a scoped coordinator sees this page read-only (the API refuses changes).
  const user = useUser();
  const canChange = !user.regionScope && !user.themeScope;
  const back = (
    <p>
      <Link href="/webinars" className="back-link">
        {t('admin.webinars.back')}
      </Link>
    </p>
  );
  const replace = (saved: TAdminWebinar) => update((all) => all.map((w) => (w.id === saved.id ? saved : w)));

  if (id === null && !canChange) {
    return (
      <div className="webinar-edit">
        <PageTitle>{t('admin.webinars.form.newTitle')}</PageTitle>
        {back}
        <h1>{t('admin.webinars.form.newTitle')}</h1>
        <p className="notice">{t('admin.scopeLimits.webinarsReadOnly')}</p>
      </div>
    );
  }
  if (id === null) {
    return (
      <div className="webinar-edit">
        <PageTitle>{t('admin.webinars.form.newTitle')}</PageTitle>
        {back}
        <h1>{t('admin.webinars.form.newTitle')}</h1>
        <WebinarDetailsForm webinar={null} onSaved={(saved) => navigate(`/webinars/${saved.id}`)} />
      </div>
    );
  }
  if (list.state === 'loading') {
    return (
      <>
        {back}
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      </>
    );
  }
  if (list.state === 'failed') {
    return (
      <>
        {back}
        <ErrorNotice error={list.error} onRetry={reload} />
      </>
    );
  }
  const webinar = list.data.find((w) => w.id === id);
  if (!webinar) {
    return (
      <>
        {back}
        <PageTitle>{t('errors.not_found')}</PageTitle>
        <h1>{t('errors.not_found')}</h1>
        <p>{t('admin.webinars.notFound')}</p>
      </>
    );
  }
  const title = labels.localized(webinar.title);
  return (
    <div className="webinar-edit">
      <PageTitle>{t('admin.webinars.form.editTitle', { title })}</PageTitle>
      {back}
      {liveRegion}
      <h1 dir="auto">
        {t('admin.webinars.form.editTitle', { title })}{' '}
        <span className={`status-badge webinar-${webinar.status}`} data-testid="webinar-status">
          {t(`admin.webinars.statuses.${webinar.status}`)}
        </span>
      </h1>
      <p>
        <Link href={`/webinars/${webinar.id}/registrants`} data-testid="edit-page-registrants">
          {t('admin.registrantsPage.editPageLink')}
        </Link>
      </p>
      <p className="registration-counts" data-testid="edit-page-counts">
        <RegistrationCounts webinar={webinar} />
      </p>
      {!canChange && <p className="notice">{t('admin.scopeLimits.webinarsReadOnly')}</p>}
      <WebinarActions webinar={webinar} canChange={canChange} onChanged={replace} reload={reload} announce={announce} />
    </div>
  );
}
