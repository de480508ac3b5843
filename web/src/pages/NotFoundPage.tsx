import { Link } from "../components/Link.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";

/** Unknown addresses, and companies or tasks that do not exist or are not yours (the same answer). */
export function NotFoundPage() {
  useDocumentTitle("Page not found");
  return (
    <div className="not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1>Page not found</h1>
      <p className="not-found__text">
        There is nothing at this address, or it belongs to an account you cannot see. Check the link, or start
        again from your dashboard.
      </p>
      <div className="not-found__actions">
        <Link to="/" className="button button--primary">
          Go to the dashboard
        </Link>
        <Link to="/tasks" className="button">
          Open tasks
        </Link>
      </div>
    </div>
  );
}
