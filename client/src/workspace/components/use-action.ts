import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../common/api/http';

export type Action<A extends unknown[], T> = {
  run: (...args: A) => Promise<T | null>;
  busy: boolean;
  error: ApiError | null;
  clearError: () => void;
};

/** A state-changing call: busy while it runs (a second press does nothing), its error kept to show. */
export function useAction<A extends unknown[], T>(call: (...args: A) => Promise<ApiResult<T>>): Action<A, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);
  const latest = useRef(call);
  useEffect(() => {
    latest.current = call;
  });
  const run = useCallback(async (...args: A) => {
    if (running.current) return null;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await latest.current(...args);
      if (result.ok) return result.data;
      setError(result.error);
      return null;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
