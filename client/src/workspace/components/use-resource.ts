import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../common/api/http';

export type Resource<T> =
  { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ok'; data: T; refreshing: boolean };

/**
 * Loads from the API whenever `key` changes (and on reload()), aborting the previous load.
 * What is shown stays until the new answer arrives (`refreshing`), so the controls a reader
 * used — a page link, a filter — stay where they are and keep the focus.
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<ApiResult<T>>,
): [Resource<T>, () => void, (update: (data: T) => T) => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });
  const loadedKey = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const sameKey = loadedKey.current === key;
    setResource((r) => (r.state === 'ok' ? { ...r, refreshing: true } : { state: 'loading' }));
    latestLoad.current(controller.signal).then(
      (result) => {
        loadedKey.current = key;
        if (result.ok) setResource({ state: 'ok', data: result.data, refreshing: false });
        else
          setResource((r) =>
            sameKey && r.state === 'ok' ? { ...r, refreshing: false } : { state: 'failed', error: result.error },
          );
      },
      () => undefined, // aborted
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (data: T) => T) => setResource((r) => (r.state === 'ok' ? { ...r, data: change(r.data) } : r)),
    [],
  );
  return [resource, reload, update];
}
