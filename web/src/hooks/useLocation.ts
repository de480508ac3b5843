import { useMemo, useSyncExternalStore } from "react";
import { currentHref, subscribeToLocation } from "../lib/navigation.ts";

export interface Location {
  readonly pathname: string;
  readonly search: string;
  readonly query: URLSearchParams;
}

/** The browser location, re-rendering on every navigation (links, back and forward). */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribeToLocation, currentHref, currentHref);
  return useMemo(() => {
    const url = new URL(href, "http://portal.local");
    return { pathname: url.pathname, search: url.search, query: url.searchParams };
  }, [href]);
}
