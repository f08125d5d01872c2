import { requestJson, type ApiResult, type ApiSchemas, type Parser } from '../../common/api/http';

const pending = new Map<string, Promise<ApiResult<unknown>>>();

/**
 * Starts a GET before the page that needs it has loaded, so on a slow link the request and
 * the page's code travel together instead of one after the other.
 */
export function prefetch<T>(path: string, parser: (schemas: ApiSchemas) => Parser<T>): void {
  if (!pending.has(path)) pending.set(path, requestJson(path, parser));
}

/** The prefetched answer for path, once; undefined when none was started. */
export function takePrefetched<T>(path: string): Promise<ApiResult<T>> | undefined {
  const found = pending.get(path);
  pending.delete(path);
  return found as Promise<ApiResult<T>> | undefined;
}
