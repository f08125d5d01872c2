import type { ReactNode } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import './admin.css';
import { AccountsPage } from './accounts/accounts-page';
import { AuditPage } from './accounts/audit-page';
import { CampaignsPage } from './campaigns/campaigns-page';
import { NewCampaignPage } from './campaigns/new-campaign-page';
import { CompilePage } from './compile/compile-page';
import { ConsultationsPage } from './consultations/consultations-page';
import { ContactsPage } from './contacts/contacts-page';
import { ErrorNotice } from './components/errors';
import { useInstantFormat } from './components/instant';
import { Navigate, useSearch } from './components/navigation';
import { PageTitle } from './components/page-title';
import { useAdminTranslation, type AdminKey } from './i18n/admin-translation';
import { InvitationPage } from './invitation/invitation-page';
import { LiveConnection } from './live/live-connection';
import { OutboxPage } from './outbox/outbox-page';
import { OverviewPage } from './overview/overview-page';
import { AccountPage } from './password/account-page';
import { ForgotPasswordPage } from './password/forgot-password-page';
import { ResetPasswordPage } from './password/reset-password-page';
import { RegistrantsPage } from './registrants/registrants-page';
import { KeyringProvider } from './reporter-keys/keyring';
import { ReporterKeysPage } from './reporter-keys/reporter-keys-page';
import { ReportDetailPage } from './reports/report-detail-page';
import { ReportsPage } from './reports/reports-page';
import { RetentionPage } from './retention/retention-page';
import { SessionProvider, useSession } from './session/session';
import { SignInPage } from './session/sign-in-page';
import { ThemesPage } from './themes/themes-page';
import { WebinarEditPage } from './webinars/webinar-edit-page';
import { WebinarsPage } from './webinars/webinars-page';

/*
 * The coordinator workspace, mounted at /admin (a nested router: paths below are relative to
 * it). Its code, styles and texts are chunks of their own, fetched only here.
 */

const NAV: { href: string; key: AdminKey }[] = [
  { href: '/overview', key: 'admin.nav.overview' },
  { href: '/reports', key: 'admin.nav.reports' },
  { href: '/compile', key: 'admin.nav.compile' },
  { href: '/webinars', key: 'admin.nav.webinars' },
  { href: '/campaigns', key: 'admin.nav.campaigns' },
  { href: '/consultations', key: 'admin.publicResources.nav' },
  { href: '/outbox', key: 'admin.nav.outbox' },
  { href: '/contacts', key: 'admin.contacts.nav' },
  { href: '/account', key: 'admin.accountLifecycle.nav' },
];

/** Pages for admins only (the API refuses anyone else with 403): linked for admins only. */
const ADMIN_NAV: { href: string; key: AdminKey }[] = [
  { href: '/accounts', key: 'admin.nav.accounts' },
  { href: '/audit', key: 'admin.nav.audit' },
  { href: '/themes', key: 'admin.themeEditor.nav' },
  { href: '/retention', key: 'admin.retention.nav' },
  { href: '/reporter-keys', key: 'admin.reporterKeys.nav' },
];

/** A place to go back to after signing in: a path of the workspace, nothing else. */
function safeNext(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  return next && /^\/[a-z]/.test(next) && !next.startsWith('//') ? next : null;
}

function Loading() {
  const { t } = useAdminTranslation();
  return (
    <p role="status" className="status">
      {t('admin.loading')}
    </p>
  );
}

function WorkspaceHeader() {
  const { t } = useAdminTranslation();
  const { session, signOut } = useSession();
  const [location, navigate] = useLocation();
  const { zoneName } = useInstantFormat();
  if (session.kind !== 'signed-in') return null;
  const { user } = session;
  return (
    <header className="admin-header">
      <div className="admin-header-top">
        <p className="admin-brand">{t('admin.title')}</p>
        <div className="admin-account">
          <span>{t('admin.nav.signedInAs', { email: user.email, role: t(`admin.roles.${user.role}`) })}</span>
          <button
            type="button"
            className="button button-secondary button-small"
            data-testid="sign-out"
            onClick={() => {
              navigate('/', { replace: true });
              void signOut();
            }}
          >
            {t('admin.nav.signOut')}
          </button>
        </div>
      </div>
      <nav aria-label={t('admin.nav.label')} className="admin-nav">
        <ul>
          {[...NAV, ...(user.role === 'admin' ? ADMIN_NAV : [])].map(({ href, key }) => {
            const current = location === href || location.startsWith(`${href}/`);
            return (
              <li key={href}>
                <Link href={href} aria-current={current ? 'page' : undefined}>
                  {t(key)}
                </Link>
              </li>
            );
          })}
          {user.role === 'admin' && (
            <li>
              {/* Served by the server (Bull Board), not by this app: a plain link. */}
              <a href="/admin/queues">{t('admin.nav.queues')}</a>
            </li>
          )}
        </ul>
      </nav>
      <p className="hint">{t('admin.timesIn', { zone: zoneName })}</p>
    </header>
  );
}

function WorkspaceNotFound() {
  const { t } = useAdminTranslation();
  return (
    <>
      <PageTitle>{t('errors.not_found')}</PageTitle>
      <h1>{t('errors.not_found')}</h1>
      <p>
        <Link href="/overview">{t('admin.nav.overview')}</Link>
      </p>
    </>
  );
}

function SignedInRoutes() {
  return (
    <Switch>
      <Route path="/overview">
        <OverviewPage />
      </Route>
      <Route path="/reports">
        <ReportsPage />
      </Route>
      <Route path="/reports/:id">{(params) => <ReportDetailPage key={params.id} id={params.id} />}</Route>
      <Route path="/compile">
        <CompilePage theme={null} />
      </Route>
      <Route path="/compile/:theme">{(params) => <CompilePage key={params.theme} theme={params.theme} />}</Route>
      <Route path="/consultations">
        <ConsultationsPage />
      </Route>
      <Route path="/webinars">
        <WebinarsPage />
      </Route>
      <Route path="/webinars/new">
        <WebinarEditPage id={null} />
      </Route>
      <Route path="/webinars/:id">{(params) => <WebinarEditPage key={params.id} id={params.id} />}</Route>
      <Route path="/webinars/:id/registrants">{(params) => <RegistrantsPage key={params.id} id={params.id} />}</Route>
      <Route path="/campaigns">
        <CampaignsPage />
      </Route>
      <Route path="/campaigns/new">
        <NewCampaignPage />
      </Route>
      <Route path="/outbox">
        <OutboxPage />
      </Route>
      <Route path="/contacts">
        <ContactsPage />
      </Route>
      <Route path="/accounts">
        <AccountsPage />
      </Route>
      <Route path="/audit">
        <AuditPage />
      </Route>
      <Route path="/account">
        <AccountPage />
      </Route>
      <Route path="/themes">
        <ThemesPage />
      </Route>
      <Route path="/retention">
        <RetentionPage />
      </Route>
      <Route path="/reporter-keys">
        <ReporterKeysPage />
      </Route>
      <Route>
        <WorkspaceNotFound />
      </Route>
    </Switch>
  );
}

function Gate() {
  const { session, recheck } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  switch (session.kind) {
    case 'checking':
      return <Loading />;
    case 'failed':
      return <ErrorNotice error={session.error} onRetry={recheck} />;
    case 'signed-out':
      if (location !== '/') {
        return <Navigate to={`/?next=${encodeURIComponent(`${location}${search}`)}`} />;
      }
      return <SignInPage reason={session.reason} />;
    case 'signed-in':
      if (location === '/') return <Navigate to={safeNext(search) ?? '/overview'} />;
      // Keys unlocked in this tab live under the signed-in routes: signing out forgets them.
      return (
        <KeyringProvider>
          <SignedInRoutes />
        </KeyringProvider>
      );
  }
}

function Texts({ children }: { children: ReactNode }) {
  const { ready, failed, retry, t } = useAdminTranslation();
  if (ready) return children;
  if (failed) {
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('errors.network')}</p>
        <button type="button" className="button button-secondary" onClick={retry}>
          {t('webinars.retry')}
        </button>
      </div>
    );
  }
  return (
    <p role="status" className="status">
      {t('webinars.loading')}
    </p>
  );
}

/** /admin/*: sign-in, then the coordinator's pages under one header with the workspace's navigation. */
export function AdminWorkspace() {
  return (
    <div className="admin-workspace">
      <Texts>
        <Switch>
          {/* Reached from an invitation link, before any account can sign in: outside the gate. */}
          <Route path="/invitation/:token">
            {(params) => <InvitationPage key={params.token} token={params.token} />}
          </Route>
          {/* "Forgot password" and its mailed link: signed out, outside the gate too. */}
          <Route path="/forgot">
            <ForgotPasswordPage />
          </Route>
          <Route path="/reset/:token">
            {(params) => <ResetPasswordPage key={params.token} token={params.token} />}
          </Route>
          <Route>
            <SessionProvider>
              <LiveConnection>
                <WorkspaceHeader />
                <Gate />
              </LiveConnection>
            </SessionProvider>
          </Route>
        </Switch>
      </Texts>
    </div>
  );
}
