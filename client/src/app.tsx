import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation } from 'wouter';
import { SiteHeader } from './components/site-header';
import { TimeZoneProvider } from './components/time-zone-context';
import { ManagePage } from './pages/manage-page';
import { NotFoundPage } from './pages/not-found-page';
import { WebinarListPage } from './pages/webinar-list-page';
import { WebinarPage } from './pages/webinar-page';

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
        <Switch>
          <Route path="/">
            <WebinarListPage />
          </Route>
          <Route path="/webinars/:slug">{(params) => <WebinarPage key={params.slug} slug={params.slug} />}</Route>
          <Route path="/manage/:token">{(params) => <ManagePage key={params.token} token={params.token} />}</Route>
          <Route>
            <NotFoundPage />
          </Route>
        </Switch>
      </main>
    </TimeZoneProvider>
  );
}
