import { hasEmbedded } from '../../common/page-data';
import { prefetch } from '../api/prefetch';

/*
 * The code of each lazily loaded page, in one place: app.tsx renders them through
 * React.lazy, and main.tsx starts the current page's download while the catalog loads.
 */
export const loadWebinarPage = () => import('./webinar-page');
export const loadManagePage = () => import('./manage-page');
export const loadReportPage = () => import('./report-page');
export const loadReceiptPage = () => import('./receipt-page');
export const loadThemePage = () => import('./theme-page');
export const loadConsultationsPage = () => import('./consultations-page');
export const loadPrivacyPage = () => import('./privacy-page');
/** The coordinator workspace (/admin/*): its own chunks, styles and texts, never on a public page. */
export const loadAdminWorkspace = () => import('../../workspace/admin-workspace');

/** Starts fetching what the page at pathname needs first: its code, and for the input form its themes. */
export function preloadPage(pathname: string): void {
  const ignore = () => undefined; // a failure shows when the page itself loads
  if (pathname === '/report' || pathname === '/report/') {
    loadReportPage().catch(ignore);
    // A page the server wrote carries the themes already (and a request would pull in zod).
    if (!hasEmbedded('/api/themes')) prefetch('/api/themes', (s) => s.ZThemeList);
  } else if (pathname === '/report/status') loadReceiptPage().catch(ignore);
  else if (pathname.startsWith('/webinars/')) loadWebinarPage().catch(ignore);
  else if (pathname.startsWith('/manage/')) loadManagePage().catch(ignore);
  else if (pathname.startsWith('/themes/')) loadThemePage().catch(ignore);
  else if (pathname === '/consultations') loadConsultationsPage().catch(ignore);
  else if (pathname === '/privacy') loadPrivacyPage().catch(ignore);
  else if (pathname === '/admin' || pathname.startsWith('/admin/')) loadAdminWorkspace().catch(ignore);
}
