import type { TThemeList } from '@convene/shared';
import { deviceStore } from '../offline/device-store';
import { requestJson, type ApiResult } from '../../common/api/http';
import { takeEmbedded } from '../../common/page-data';
import { takePrefetched } from './prefetch';

const CACHE_KEY = 'cache:themes';
const THEMES = '/api/themes';

/**
 * The theme taxonomy. The last list fetched is kept on the device, so the input form
 * still offers every theme when it is opened offline.
 */
export async function fetchThemes(signal?: AbortSignal): Promise<ApiResult<TThemeList>> {
  const embedded = takeEmbedded<TThemeList>(THEMES);
  const result: ApiResult<TThemeList> = embedded
    ? { ok: true, status: 200, data: embedded }
    : ((await takePrefetched<TThemeList>(THEMES)) ?? (await requestJson(THEMES, (s) => s.ZThemeList, { signal })));
  const store = await deviceStore();
  if (result.ok) {
    // Kept for the next offline visit; the form need not wait for the write.
    store.set(CACHE_KEY, result.data).catch(() => undefined);
    return result;
  }
  const cached = await store.get<TThemeList>(CACHE_KEY);
  return cached ? { ok: true, status: 200, data: cached } : result;
}
