import { useCallback } from 'react';
import type { ApiError } from '../../common/api/http';
import { useErrorText } from '../components/errors';
import { useAdminTranslation, type AdminKey } from '../i18n/admin-translation';

/**
 * The reader's text for a refused registrant action or attendance import: this page's own
 * texts for the codes its APIs send (a 429 resend_too_soon included), then the workspace's.
 */
export function useRegistrantErrorText(): (error: ApiError) => string {
  const { t, has } = useAdminTranslation();
  const general = useErrorText();
  return useCallback(
    (error: ApiError) => {
      const own = `admin.registrantsPage.errors.${error.code}`;
      return error.status > 0 && error.status < 500 && has(own) ? t(own as AdminKey) : general(error);
    },
    [t, has, general],
  );
}

/** A refused action, announced (role=alert), in this page's words. */
export function RegistrantError({ error, testId, id }: { error: ApiError; testId?: string; id?: string }) {
  const text = useRegistrantErrorText();
  return (
    <span id={id} role="alert" className="field-error registrant-error" data-testid={testId} data-code={error.code}>
      {text(error)}
    </span>
  );
}
