/**
 * A minimal history router: the location is the browser's, navigation pushes (or replaces) a
 * history entry and tells subscribers, so back and forward work like on any web page.
 */
const NAVIGATE_EVENT = "portal:navigate";

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const current = window.location.pathname + window.location.search;
  if (to === current) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function subscribeToLocation(listener: () => void): () => void {
  window.addEventListener("popstate", listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener("popstate", listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

/** The current path and query string, e.g. "/tasks?severity=high". */
export function currentHref(): string {
  return window.location.pathname + window.location.search;
}

/** `path` with `changes` applied to its query: null or "" removes a parameter. */
export function withQuery(path: string, search: string, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString().replaceAll("%2C", ",");
  return text ? `${path}?${text}` : path;
}
