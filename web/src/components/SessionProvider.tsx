import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { setCsrfToken, setUnauthenticatedHandler } from "../api/client.ts";
import { signOut as apiSignOut, getMe } from "../api/endpoints.ts";
import type { Me } from "../api/types.ts";
import { type Session, SessionContext } from "../hooks/useSession.ts";
import { readPreference, writePreference } from "../lib/preferences.ts";
import { SignInPage } from "../pages/SignInPage.tsx";
import { LoadingState } from "./LoadingState.tsx";

/** Resolves the caller (GET /me); shows the sign-in page until there is one. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const accept = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMe(next);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => accept(null));
    getMe().then(accept, () => accept(null));
  }, [accept]);

  if (me === undefined) return <LoadingState label="Opening the portal" fullPage />;
  if (me === null) return <SignInPage onSignedIn={accept} />;
  return (
    <SignedIn me={me} onSignedOut={() => accept(null)}>
      {children}
    </SignedIn>
  );
}

function SignedIn({
  me,
  onSignedOut,
  children,
}: {
  readonly me: Me;
  readonly onSignedOut: () => void;
  readonly children: ReactNode;
}) {
  const [partnership, setPartnershipState] = useState<string | null>(() => {
    const saved = readPreference(me.id, "partnership");
    return me.partnerships.some((p) => p.id === saved) ? saved : null;
  });
  const [partner, setPartnerState] = useState<string | null>(() =>
    me.partnerId === null ? readPreference(me.id, "partner") : null,
  );

  const session = useMemo<Session>(() => {
    const isVendor = me.role === "vendor";
    return {
      me,
      isVendor,
      canManageUsers: me.role === "admin" || (isVendor && partner !== null),
      canListUsers: me.role === "admin" || isVendor,
      canAct: me.role === "admin" || me.role === "user" || isVendor,
      partnership,
      partner,
      setPartnership: (id) => {
        writePreference(me.id, "partnership", id);
        setPartnershipState(id);
      },
      setPartner: (id) => {
        writePreference(me.id, "partner", id);
        setPartnerState(id);
        writePreference(me.id, "partnership", null);
        setPartnershipState(null);
      },
      scope: {
        ...(partnership ? { partnership } : {}),
        ...(partner && isVendor ? { partner } : {}),
      },
      signOut: async () => {
        await apiSignOut().catch(() => undefined);
        onSignedOut();
      },
    };
  }, [me, partnership, partner, onSignedOut]);

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
