import { CATALOG_LANGUAGES } from '@convene/shared';
import { endonym } from '../../common/i18n/setup';
import { useAdminTranslation } from '../i18n/admin-translation';
import type { WebinarField } from './webinar-form-values';

/** The fields in the order the form shows them: the error summary lists them so. */
export const FIELD_ORDER: WebinarField[] = [
  'slug',
  'kind',
  'themeSlug',
  ...CATALOG_LANGUAGES.flatMap((l): WebinarField[] => [`title-${l}`, `description-${l}`]),
  'date',
  'time',
  'hostTimeZone',
  'durationMinutes',
  'capacity',
  'status',
  'languages',
  'joinUrl',
  'reminders',
];

/** Each field's label, by field: the form's labels and the error summary's. */
export function useWebinarFieldLabels(): Record<WebinarField, string> {
  const { t } = useAdminTranslation();
  const labels: Record<string, string> = {
    slug: t('admin.webinars.form.slug'),
    kind: t('admin.webinars.kind'),
    themeSlug: t('admin.webinars.theme'),
    date: t('admin.webinars.form.date'),
    time: t('admin.webinars.form.time'),
    hostTimeZone: t('admin.webinars.form.hostTimeZone'),
    durationMinutes: t('admin.webinars.form.duration'),
    languages: t('admin.webinars.form.languages'),
    capacity: t('admin.webinars.form.capacity'),
    joinUrl: t('admin.webinars.form.joinUrl'),
    status: t('admin.webinars.form.status'),
    reminders: t('admin.webinars.form.reminders'),
  };
  for (const l of CATALOG_LANGUAGES) {
    labels[`title-${l}`] = t('admin.webinars.form.titleIn', { language: endonym(l) });
    labels[`description-${l}`] = t('admin.webinars.form.descriptionIn', { language: endonym(l) });
  }
  return labels as Record<WebinarField, string>;
}
