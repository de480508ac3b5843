import { createContext, useContext } from "react";
import type { ScopeQuery } from "../api/endpoints.ts";
import type { Me } from "../api/types.ts";

export interface Session {
  readonly me: Me;
  /** Manages users: a partner admin, or the vendor's staff once a partner is picked. */
  readonly canManageUsers: boolean;
  /** May read GET /users (admins and the vendor's staff), e.g. to pick an assignee. */
  readonly canListUsers: boolean;
  readonly isVendor: boolean;
  /** May change tasks (snooze, dismiss, assign, comment). */
  readonly canAct: boolean;
  /** The partnership the switcher narrows everything to, or null for all. */
  readonly partnership: string | null;
  readonly setPartnership: (id: string | null) => void;
  /** The vendor's chosen partner, or null for every partner. */
  readonly partner: string | null;
  readonly setPartner: (id: string | null) => void;
  /** The query parameters that narrow every list to the switcher's choice. */
  readonly scope: ScopeQuery;
  readonly signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in person and the partnership or partner they are looking at. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside <SessionProvider>");
  return session;
}
