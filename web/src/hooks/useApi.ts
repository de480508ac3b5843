import { useCallback, useEffect, useState } from "react";
import { ApiError, isAbort } from "../api/client.ts";

export interface ApiState<T> {
  readonly data: T | null;
  /** True while `data` belongs to an earlier key (a new one is loading). */
  readonly stale: boolean;
  readonly error: ApiError | null;
  readonly loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile. */
  readonly reload: () => void;
  /** Replaces the data with an answer the caller already has (e.g. an action's result). */
  readonly setData: (data: T) => void;
}

/**
 * Loads `load` whenever `key` changes; a newer load aborts the older one so a slow answer never
 * overwrites a newer one. `key` null means nothing to load.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): ApiState<T> {
  const [loaded, setLoaded] = useState<{ key: string; value: T } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(key !== null);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for everything `load` reads.
  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setLoaded({ key, value });
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted || isAbort(reason)) return;
        setError(reason instanceof ApiError ? reason : new ApiError(0, "CLIENT", String(reason)));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((value: T) => key !== null && setLoaded({ key, value }), [key]);
  return {
    data: loaded?.value ?? null,
    stale: loaded !== null && loaded.key !== key,
    error,
    loading,
    reload,
    setData,
  };
}
