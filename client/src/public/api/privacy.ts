import type { TPrivacyFacts } from '@convene/shared';
import { requestJson, type ApiResult } from '../../common/api/http';
import { takeEmbedded } from '../../common/page-data';

const PRIVACY = '/api/privacy';

/** The deployment's facts behind the privacy notice: written into the page, else asked of the API. */
export async function fetchPrivacyFacts(signal?: AbortSignal): Promise<ApiResult<TPrivacyFacts>> {
  const embedded = takeEmbedded<TPrivacyFacts>(PRIVACY);
  if (embedded) return { ok: true, status: 200, data: embedded };
  return requestJson(PRIVACY, (s) => s.ZPrivacyFacts, { signal });
}
