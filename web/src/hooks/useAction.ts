import { useCallback, useState } from "react";
import { ApiError } from "../api/client.ts";

/** Runs one state-changing request at a time, keeping its error to show beside the form. */
export function useAction(): {
  readonly busy: boolean;
  readonly error: ApiError | null;
  readonly run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  readonly clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T>(action: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, "CLIENT", String(reason)));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
