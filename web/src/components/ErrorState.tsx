import type { ApiError } from "../api/client.ts";

/** What went wrong, in the API's words, with a way to try again. */
export function ErrorState({
  error,
  title = "Something went wrong",
  onRetry,
}: {
  readonly error: ApiError;
  readonly title?: string;
  readonly onRetry?: () => void;
}) {
  return (
    <div className="error-state" role="alert">
      <svg
        viewBox="0 0 24 24"
        width="24"
        height="24"
        aria-hidden="true"
        focusable="false"
        className="error-state__icon"
      >
        <circle cx="12" cy="12" r="10" />
        <path d="M12 7v6M12 16.5v.1" />
      </svg>
      <div>
        <p className="error-state__title">{title}</p>
        <p className="error-state__message">{error.message}</p>
        {onRetry && (
          <button type="button" className="button button--small" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
