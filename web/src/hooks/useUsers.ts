import { listUsers } from "../api/endpoints.ts";
import type { User } from "../api/types.ts";
import { useApi } from "./useApi.ts";
import { useSession } from "./useSession.ts";

/** The partner's people who can take a task (admins see them; others get only themselves). */
export function useUsers(): {
  readonly users: readonly User[] | null;
  readonly nameOf: (id: string | null) => string | null;
} {
  const session = useSession();
  const partner = session.isVendor ? session.partner : null;
  const { data } = useApi(session.canListUsers ? `users:${partner}` : null, (signal) =>
    listUsers(partner, signal),
  );
  const users = data ? data.items.filter((u) => !u.disabled && u.role !== "notifications") : null;
  const nameOf = (id: string | null): string | null => {
    if (id === null) return null;
    if (id === session.me.id) return "You";
    return data?.items.find((u) => u.id === id)?.name ?? "A colleague";
  };
  return { users, nameOf };
}
