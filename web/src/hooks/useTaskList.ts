import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, isAbort } from "../api/client.ts";
import { listTasks, type TaskQuery } from "../api/endpoints.ts";
import type { Task, TaskPage } from "../api/types.ts";

const PAGE_SIZE = 50;

export interface TaskList {
  readonly items: readonly Task[];
  readonly counts: TaskPage["counts"] | null;
  readonly nextCursor: string | null;
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly error: ApiError | null;
  readonly loadMore: () => void;
  readonly reload: () => void;
}

/**
 * Server-side pages of tasks: the first page when the query changes, then "Load more" appends
 * the next page by cursor, so thousands of tasks never load at once.
 */
export function useTaskList(query: TaskQuery): TaskList {
  const key = JSON.stringify(query);
  const [state, setState] = useState<{
    items: Task[];
    counts: TaskPage["counts"] | null;
    nextCursor: string | null;
  }>({
    items: [],
    counts: null,
    nextCursor: null,
  });
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const fail = useCallback((reason: unknown) => {
    if (isAbort(reason)) return;
    setError(reason instanceof ApiError ? reason : new ApiError(0, "CLIENT", String(reason)));
    setLoading(false);
    setLoadingMore(false);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the query; `generation` forces a reload.
  useEffect(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(true);
    setError(null);
    listTasks({ ...(JSON.parse(key) as TaskQuery), limit: PAGE_SIZE }, current.signal).then((page) => {
      if (current.signal.aborted) return;
      setState({ items: [...page.items], counts: page.counts, nextCursor: page.nextCursor });
      setLoading(false);
    }, fail);
    return () => current.abort();
  }, [key, generation, fail]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor || loadingMore) return;
    const current = controller.current ?? new AbortController();
    setLoadingMore(true);
    listTasks({ ...(JSON.parse(key) as TaskQuery), limit: PAGE_SIZE, cursor }, current.signal).then(
      (page) => {
        if (current.signal.aborted) return;
        setState((previous) => {
          const seen = new Set(previous.items.map((t) => t.id));
          return {
            items: [...previous.items, ...page.items.filter((t) => !seen.has(t.id))],
            counts: previous.counts,
            nextCursor: page.nextCursor,
          };
        });
        setLoadingMore(false);
      },
      fail,
    );
  }, [key, state.nextCursor, loadingMore, fail]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, loading, loadingMore, error, loadMore, reload };
}
