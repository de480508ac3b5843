import { useCallback, useEffect, useState } from "react";
import { ApiError, isAbort } from "../api/client.ts";
import { type CompanyQuery, listCompanies } from "../api/endpoints.ts";
import type { CompanySummary } from "../api/types.ts";

const PAGE_SIZE = 25;

/** Pages of companies for the dashboard table, appended by cursor on "Load more". */
export function useCompanyList(query: CompanyQuery) {
  const key = JSON.stringify(query);
  const [items, setItems] = useState<CompanySummary[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      listCompanies(
        { ...(JSON.parse(key) as CompanyQuery), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
        signal,
      ),
    [key],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` forces a reload.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchPage(null, controller.signal).then(
      (page) => {
        setItems([...page.items]);
        setTotal(page.total);
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (reason: unknown) => {
        if (isAbort(reason) || controller.signal.aborted) return;
        setError(reason instanceof ApiError ? reason : new ApiError(0, "CLIENT", String(reason)));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [fetchPage, generation]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    setLoading(true);
    fetchPage(nextCursor, new AbortController().signal).then(
      (page) => {
        setItems((previous) => [...previous, ...page.items]);
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (reason: unknown) => {
        setError(reason instanceof ApiError ? reason : new ApiError(0, "CLIENT", String(reason)));
        setLoading(false);
      },
    );
  }, [fetchPage, nextCursor]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { items, total, nextCursor, loading, error, loadMore, reload };
}
