import type { Catalog } from '@convene/shared';
import { useCallback } from 'react';
import { fieldErrorKey } from '../../common/api/error-key';
import type { ApiError } from '../../common/api/http';
import { getActiveLanguage } from '../../common/i18n/active-language';
import { useAdminTranslation, type AdminKey } from '../i18n/admin-translation';

function isPageErrorKey(code: string): code is keyof Catalog['errors'] & string {
  return Object.prototype.hasOwnProperty.call(getActiveLanguage().catalog.errors, code);
}

/** The reader's text for a failed call: the workspace's own texts first, then the site's errors. */
export function useErrorText(): (error: ApiError) => string {
  const { t, has } = useAdminTranslation();
  return useCallback(
    (error: ApiError) => {
      if (error.status === 0) return t('errors.network');
      if (error.status === 429) return t('errors.rate_limited');
      if (error.status === 503) return t('errors.unavailable');
      if (error.status >= 500) return t('errors.server');
      const own = `admin.errors.${error.code}`;
      if (has(own)) return t(own as AdminKey);
      if (isPageErrorKey(error.code)) return t(`errors.${error.code}`);
      if (error.status === 403) return t('admin.errors.forbidden');
      if (error.status === 404) return t('errors.not_found');
      if (error.status === 400 || error.status === 413 || error.status === 415) return t('errors.invalid_body');
      return t('errors.server');
    },
    [t, has],
  );
}

/** The text of a field error code sent by the server (errors.*). */
export function useFieldErrorText(): (code: string) => string {
  const { t } = useAdminTranslation();
  return useCallback((code: string) => t(`errors.${fieldErrorKey(code)}`), [t]);
}

/** A failed call, announced (role=alert), with a way to try again when there is one. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useAdminTranslation();
  const text = useErrorText();
  return (
    <div role="alert" className="notice notice-error">
      <p>{text(error)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('admin.retry')}
        </button>
      )}
    </div>
  );
}
