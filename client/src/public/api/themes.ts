import type { TThemeList } from '@convene/shared';
import { deviceStore } from '../offline/device-store';
import { requestJson, type ApiResult } from '../../common/api/http';
import { takePrefetched } from './prefetch';

const CACHE_KEY = 'cache:themes';

/**
 * The theme taxonomy. The last list fetched is kept on the device, so the input form
 * still offers every theme when it is opened offline.
 */
export async function fetchThemes(signal?: AbortSignal): Promise<ApiResult<TThemeList>> {
  const result =
    (await takePrefetched<TThemeList>('/api/themes')) ??
    (await requestJson('/api/themes', (s) => s.ZThemeList, { signal }));
  const store = await deviceStore();
  if (result.ok) {
    await store.set(CACHE_KEY, result.data);
    return result;
  }
  const cached = await store.get<TThemeList>(CACHE_KEY);
  return cached ? { ok: true, status: 200, data: cached } : result;
}
