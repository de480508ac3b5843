import { type FormEvent, useId, useState } from "react";
import { createUser, updateUser } from "../api/endpoints.ts";
import type { CompanySummary, User, UserRole } from "../api/types.ts";
import { useAction } from "../hooks/useAction.ts";
import { ROLE_LABEL } from "../lib/labels.ts";
import { CompanyPicker } from "./CompanyPicker.tsx";
import { InlineError } from "./InlineError.tsx";

const ROLES: readonly UserRole[] = ["admin", "user", "notifications"];
const MIN_PASSWORD = 10;

const ROLE_HELP: Readonly<Record<UserRole, string>> = {
  admin: "Sees every company of the partner and manages users.",
  user: "Sees the companies assigned below (or all when none are) and acts on their tasks.",
  notifications: "Receives task emails only; cannot sign in.",
};

/** Creates a user, or changes one's name, role, companies and whether it can sign in. */
export function UserForm({
  user,
  companies,
  isSelf,
  partnerId,
  onSaved,
  onCancel,
}: {
  readonly user: User | null;
  readonly companies: readonly CompanySummary[] | null;
  readonly isSelf: boolean;
  /** The vendor's staff create users for the partner they picked. */
  readonly partnerId: string | null;
  readonly onSaved: (user: User) => void;
  readonly onCancel: () => void;
}) {
  const id = useId();
  const [email, setEmail] = useState(user?.email ?? "");
  const [name, setName] = useState(user?.name ?? "");
  const [role, setRole] = useState<UserRole>((user?.role as UserRole) ?? "user");
  const [companyIds, setCompanyIds] = useState<string[]>([...(user?.companyIds ?? [])]);
  const [password, setPassword] = useState("");
  const [disabled, setDisabled] = useState(user?.disabled ?? false);
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = check();
    setProblem(missing);
    if (missing) return;
    const saved = await action.run(() =>
      user
        ? updateUser(user.id, {
            name: name.trim(),
            role,
            companyIds: role === "user" ? companyIds : [],
            disabled,
          })
        : createUser({
            email: email.trim(),
            name: name.trim(),
            role,
            ...(role === "user" ? { companyIds } : {}),
            ...(role !== "notifications" ? { password } : {}),
            ...(partnerId ? { partnerId } : {}),
          }),
    );
    if (saved) onSaved(saved);
  };

  const check = (): string | null => {
    if (!user && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return "Enter an email address.";
    if (!name.trim()) return "Enter a name.";
    if (!user && role !== "notifications" && password.length < MIN_PASSWORD)
      return `The password needs at least ${MIN_PASSWORD} characters.`;
    return null;
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      {!user && (
        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required />
      </div>
      <fieldset className="role-choice" disabled={isSelf}>
        <legend>Role</legend>
        {ROLES.map((r) => (
          <label key={r} className="role-choice__option">
            <input
              type="radio"
              name={`${id}-role`}
              value={r}
              checked={role === r}
              onChange={() => setRole(r)}
            />
            <span className="role-choice__text">
              <strong>{ROLE_LABEL[r]}</strong>
              <span className="muted small">{ROLE_HELP[r]}</span>
            </span>
          </label>
        ))}
        {isSelf && <p className="muted small">You cannot change your own role.</p>}
      </fieldset>
      {role === "user" &&
        (companies ? (
          <CompanyPicker companies={companies} selected={companyIds} onChange={setCompanyIds} />
        ) : (
          <p className="muted">Loading companies…</p>
        ))}
      {!user && role !== "notifications" && (
        <div className="field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={`${id}-password-help`}
            required
          />
          <p id={`${id}-password-help`} className="muted small">
            At least {MIN_PASSWORD} characters. Share it with the person securely.
          </p>
        </div>
      )}
      {user && !isSelf && (
        <label className="checkbox-label">
          <input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} />
          Disabled: cannot sign in
        </label>
      )}
      <InlineError error={action.error} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? "Saving…" : user ? "Save changes" : "Create user"}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
