import { useState } from "react";
import { listUsers } from "../api/endpoints.ts";
import type { User } from "../api/types.ts";
import { Dialog } from "../components/Dialog.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { LoadingState } from "../components/LoadingState.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { UserForm } from "../components/UserForm.tsx";
import { useAllCompanies } from "../hooks/useAllCompanies.ts";
import { useApi } from "../hooks/useApi.ts";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useSession } from "../hooks/useSession.ts";
import { formatDate, plural } from "../lib/format.ts";
import { ROLE_LABEL } from "../lib/labels.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";

type Editing = { readonly user: User | null } | null;

/** The partner admin's people: create users, change roles and companies, disable. */
export function UsersPage() {
  useDocumentTitle("Users");
  const { canManageUsers, me, isVendor, partner } = useSession();
  const forPartner = isVendor ? partner : null;
  const users = useApi(canManageUsers ? `users:${forPartner}` : null, (signal) =>
    listUsers(forPartner, signal),
  );
  const [editing, setEditing] = useState<Editing>(null);
  const companies = useAllCompanies(canManageUsers && editing !== null, forPartner);
  const [message, setMessage] = useState("");
  if (!canManageUsers) return <NotFoundPage />;

  const saved = (user: User, created: boolean) => {
    setEditing(null);
    setMessage(
      created ? `${user.name} can now sign in as ${user.email}.` : `Saved the changes to ${user.name}.`,
    );
    users.reload();
  };
  const companyName = (id: string) => companies.data?.find((c) => c.id === id)?.name;

  return (
    <>
      <PageHeader
        title="Users"
        kicker={me.partnerName ?? `Partner ${forPartner}`}
        description="Who at your company can sign in, what they see, and who receives task emails."
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing({ user: null })}>
            Add user
          </button>
        }
      />
      <p role="status" className={message ? "alert alert--success" : "visually-hidden"}>
        {message}
      </p>
      <section className="card" aria-label="Users">
        {users.error && <ErrorState error={users.error} onRetry={users.reload} />}
        {users.loading && !users.data && <LoadingState label="Loading users" />}
        {users.data && users.data.items.length === 0 && <EmptyState title="No users yet" />}
        {users.data && users.data.items.length > 0 && (
          <table className="data-table data-table--cards">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Companies</th>
                <th scope="col">Status</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.id} className={user.disabled ? "is-muted" : undefined}>
                  <th scope="row" data-label="Name">
                    <span className="strong">{user.name}</span>
                    {user.id === me.id && <span className="tag">you</span>}
                    <span className="block muted small">{user.email}</span>
                  </th>
                  <td data-label="Role">{ROLE_LABEL[user.role] ?? user.role}</td>
                  <td data-label="Companies">
                    {user.role !== "user" || user.companyIds.length === 0 ? (
                      <span className="muted">All companies</span>
                    ) : (
                      <span title={user.companyIds.map((id) => companyName(id) ?? id).join(", ")}>
                        {plural(user.companyIds.length, "company", "companies")}
                      </span>
                    )}
                  </td>
                  <td data-label="Status">
                    <span className={`status-pill status-pill--${user.disabled ? "disabled" : "active"}`}>
                      {user.disabled ? "Disabled" : "Active"}
                    </span>
                  </td>
                  <td data-label="Added">{formatDate(user.createdAt)}</td>
                  <td data-label="Actions" className="actions-cell">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setEditing({ user })}
                      aria-label={`Edit ${user.name}`}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Dialog
        title={editing?.user ? `Edit ${editing.user.name}` : "Add a user"}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <UserForm
            user={editing.user}
            companies={companies.data}
            isSelf={editing.user?.id === me.id}
            partnerId={forPartner}
            onSaved={(user) => saved(user, editing.user === null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
    </>
  );
}
