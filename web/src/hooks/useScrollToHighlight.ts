import { useEffect } from "react";

/** Brings the first highlighted record into view once it is on screen (after data or tab changes). */
export function useScrollToHighlight(ready: boolean, key: string): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what is shown; a change re-scrolls.
  useEffect(() => {
    if (!ready) return;
    const frame = window.requestAnimationFrame(() => {
      const target = document.querySelector<HTMLElement>('[data-highlighted="true"]');
      target?.scrollIntoView({ block: "center", behavior: "auto" });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [ready, key]);
}
