/** Load one GET endpoint into component state, with reload. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { takePrimed } from './boot';
import { ApiError, buildUrl, request, type RequestOptions } from './client';

export interface ApiState<T> {
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

export function useApi<T>(path: string | null, query?: RequestOptions['query']): ApiState<T> {
  // the first render may already have the answer (read while the scripts loaded; see boot.ts)
  const [data, setData] = useState<T | undefined>(() => (path === null ? undefined : takePrimed<T>(buildUrl(path, query))));
  const primed = useRef(data !== undefined);
  const [loading, setLoading] = useState(path !== null && data === undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const queryKey = JSON.stringify(query ?? {});
  const queryRef = useRef(query);
  queryRef.current = query;

  useEffect(() => {
    if (path === null) return;
    if (primed.current) {
      primed.current = false;
      return;
    }
    const ctrl = new AbortController();
    setLoading(true);
    request<T>(path, { query: queryRef.current, signal: ctrl.signal })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e) => {
        if ((e as Error).name !== 'AbortError') setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
      })
      .finally(() => !ctrl.signal.aborted && setLoading(false));
    return () => ctrl.abort();
  }, [path, queryKey, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, error, reload };
}
