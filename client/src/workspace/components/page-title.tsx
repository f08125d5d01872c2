import { useAdminTranslation } from '../i18n/admin-translation';

/** The document title of a workspace page (hoisted into <head> by React). */
export function PageTitle({ children }: { children: string }) {
  const { t } = useAdminTranslation();
  return <title>{`${children} · ${t('admin.title')} · ${t('app.name')}`}</title>;
}
