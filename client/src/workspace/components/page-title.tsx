import { useDocumentTitle } from '../../common/components/document-title';
import { useAdminTranslation } from '../i18n/admin-translation';

/** The document title of a workspace page, in the coordinator's language. Renders nothing. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useAdminTranslation();
  useDocumentTitle(`${children} · ${t('admin.title')} · ${t('app.name')}`);
  return null;
}
