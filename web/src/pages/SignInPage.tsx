import { type FormEvent, useState } from "react";
import { ApiError } from "../api/client.ts";
import { signIn } from "../api/endpoints.ts";
import type { Me } from "../api/types.ts";
import { BrandMark } from "../components/BrandMark.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";

/** Email and password; wrong credentials and throttling are explained in the API's words. */
export function SignInPage({ onSignedIn }: { readonly onSignedIn: (me: Me) => void }) {
  useDocumentTitle("Sign in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError({ title: "Enter your email and password", message: "Both are needed to sign in." });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(email.trim(), password));
    } catch (reason) {
      setError(explainFailure(reason));
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <main className="sign-in__card" aria-labelledby="sign-in-title">
        <div className="sign-in__brand">
          <BrandMark />
          <span>Partner Portal</span>
        </div>
        <h1 id="sign-in-title" className="sign-in__title">
          Sign in
        </h1>
        <p className="sign-in__lead">Renewals, licence capacity and churn risk across your customers.</p>
        {error && (
          <div className="alert alert--error" role="alert" id="sign-in-error">
            <strong>{error.title}</strong>
            <span>{error.message}</span>
          </div>
        )}
        <form onSubmit={submit} noValidate className="form">
          <div className="field">
            <label htmlFor="email">Email</label>
            <input
              id="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={error !== null}
              aria-describedby={error ? "sign-in-error" : undefined}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              id="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={error !== null}
              aria-describedby={error ? "sign-in-error" : undefined}
              required
            />
          </div>
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      </main>
    </div>
  );
}

function explainFailure(reason: unknown): { title: string; message: string } {
  if (!(reason instanceof ApiError)) return { title: "Sign-in failed", message: String(reason) };
  switch (reason.status) {
    case 401:
      return { title: "Wrong email or password", message: reason.message };
    case 429:
      return { title: "Too many attempts", message: reason.message };
    case 400:
      return { title: "Check your entries", message: reason.message };
    default:
      return { title: "Sign-in failed", message: reason.message };
  }
}
