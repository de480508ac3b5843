import type { ReactNode } from "react";
import { useLocation } from "../hooks/useLocation.ts";
import { Link } from "./Link.tsx";

/** A main-navigation link that marks the current section with aria-current. */
export function NavLink({
  to,
  exact,
  children,
}: {
  readonly to: string;
  readonly exact?: boolean;
  readonly children: ReactNode;
}) {
  const { pathname } = useLocation();
  const current = exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <Link to={to} className="site-nav__link" aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}
