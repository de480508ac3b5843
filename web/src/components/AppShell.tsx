import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useLocation } from "../hooks/useLocation.ts";
import { NotFoundContext } from "../hooks/useNotFound.ts";
import { currentHref } from "../lib/navigation.ts";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { SiteHeader } from "./SiteHeader.tsx";

/** The frame around every signed-in page: skip link, header, main landmark, and the 404 switch. */
export function AppShell({ children }: { readonly children: ReactNode }) {
  const location = useLocation();
  const [notFoundAt, setNotFoundAt] = useState<string | null>(null);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A new page moves focus to the main content, as a full page load would put it at the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on page (path) changes only.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const showNotFound = useCallback(() => setNotFoundAt(currentHref()), []);
  const notFound = notFoundAt === location.pathname + location.search;

  return (
    <NotFoundContext.Provider value={showNotFound}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1} className="main">
        {notFound ? <NotFoundPage /> : children}
      </main>
    </NotFoundContext.Provider>
  );
}
