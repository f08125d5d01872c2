import type { TPublicReporterKey } from '@convene/shared';
import { requestJson, type ApiResult } from '../../common/api/http';

/**
 * The coalition's public key to seal a named reporter's contact details to, or null while no
 * admin has made one. Asked only once a reporter picks "named" (./sealed-contact).
 */
export function fetchReporterKey(signal?: AbortSignal): Promise<ApiResult<TPublicReporterKey>> {
  return requestJson('/api/reporter-key', (s) => s.ZPublicReporterKey, { signal });
}
