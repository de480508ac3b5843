import type { ApiError } from "../api/client.ts";

/** A failed request's message beside the control that sent it. */
export function InlineError({ error }: { readonly error: ApiError | null }) {
  if (!error) return null;
  return (
    <p className="inline-error" role="alert">
      {error.message}
    </p>
  );
}
