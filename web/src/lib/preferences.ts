/** Small per-user choices (the partnership switcher) remembered in this browser. */
export function readPreference(userId: string, name: string): string | null {
  try {
    return window.localStorage.getItem(`portal:${userId}:${name}`);
  } catch {
    return null;
  }
}

export function writePreference(userId: string, name: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(`portal:${userId}:${name}`);
    else window.localStorage.setItem(`portal:${userId}:${name}`, value);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this page only.
  }
}
