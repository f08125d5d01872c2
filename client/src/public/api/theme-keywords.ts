import type { TThemeKeywords } from '@convene/shared';
import { requestJson, type ApiResult } from '../../common/api/http';
import { deviceStore } from '../offline/device-store';

const CACHE_KEY = 'cache:theme-keywords';

/**
 * The themes' suggestion keywords, as admins last edited them. The last lists fetched stay
 * on the device, so suggestions still work when the form is used offline.
 */
export async function fetchThemeKeywords(): Promise<ApiResult<TThemeKeywords>> {
  const result = await requestJson('/api/themes/keywords', (s) => s.ZThemeKeywords);
  const store = await deviceStore();
  if (result.ok) {
    await store.set(CACHE_KEY, result.data);
    return result;
  }
  const cached = await store.get<TThemeKeywords>(CACHE_KEY);
  return cached ? { ok: true, status: 200, data: cached } : result;
}
