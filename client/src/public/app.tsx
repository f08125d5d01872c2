import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { PageLoadBoundary, PageLoadError } from './components/page-load-boundary';
import { SiteFooter } from './components/site-footer';
import { SiteHeader } from './components/site-header';
import { TimeZoneProvider } from '../common/components/time-zone-context';
import { useTranslation } from '../common/i18n/use-translation';
import { NotFoundPage } from './pages/not-found-page';
import {
  loadAdminWorkspace,
  loadConsultationsPage,
  loadManagePage,
  loadPrivacyPage,
  loadReceiptPage,
  loadReportPage,
  loadThemePage,
  loadWebinarPage,
} from './pages/page-loaders';
import { WebinarListPage } from './pages/webinar-list-page';

/**
 * A page whose code (and what only it uses: the registration form, zod) is fetched when its
 * route is first shown, to keep the first load small; see README "Client bundle budget".
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(() =>
    load().then(
      (page) => ({ default: page }),
      (err: unknown) => {
        throw new PageLoadError(err);
      },
    ),
  );
}

const WebinarPage = lazyPage(() => loadWebinarPage().then((m) => m.WebinarPage));
const ManagePage = lazyPage(() => loadManagePage().then((m) => m.ManagePage));
const ReportPage = lazyPage(() => loadReportPage().then((m) => m.ReportPage));
const ReceiptPage = lazyPage(() => loadReceiptPage().then((m) => m.ReceiptPage));
const ThemePage = lazyPage(() => loadThemePage().then((m) => m.ThemePage));
const ConsultationsPage = lazyPage(() => loadConsultationsPage().then((m) => m.ConsultationsPage));
const PrivacyPage = lazyPage(() => loadPrivacyPage().then((m) => m.PrivacyPage));
const AdminWorkspace = lazyPage(() => loadAdminWorkspace().then((m) => m.AdminWorkspace));

const isWorkspace = (path: string) => path === '/admin' || path.startsWith('/admin/');

/** The public site: header with preferences, then one page per route. */
export function App() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A client-side navigation does not move focus or scroll like a page load does: do both,
  // so keyboard and screen reader users start at the new content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus();
  }, [location]);

  return (
    <TimeZoneProvider>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        {/* Keyed by path: leaving a page that failed to load shows the next one again. The
            coordinator workspace is one page to it, so its session and live connection last. */}
        <PageLoadBoundary key={isWorkspace(location) ? '/admin' : location}>
          <Suspense
            fallback={
              <p role="status" className="status">
                {t('webinars.loading')}
              </p>
            }
          >
            <Switch>
              <Route path="/">
                <WebinarListPage />
              </Route>
              <Route path="/webinars/:slug">{(params) => <WebinarPage key={params.slug} slug={params.slug} />}</Route>
              <Route path="/themes/:slug">{(params) => <ThemePage key={params.slug} slug={params.slug} />}</Route>
              <Route path="/consultations">
                <ConsultationsPage />
              </Route>
              <Route path="/report">
                <ReportPage />
              </Route>
              <Route path="/report/status">
                <ReceiptPage />
              </Route>
              <Route path="/privacy">
                <PrivacyPage />
              </Route>
              <Route path="/manage/:token">{(params) => <ManagePage key={params.token} token={params.token} />}</Route>
              <Route path="/admin" nest>
                <AdminWorkspace />
              </Route>
              <Route>
                <NotFoundPage />
              </Route>
            </Switch>
          </Suspense>
        </PageLoadBoundary>
      </main>
      <SiteFooter />
    </TimeZoneProvider>
  );
}
