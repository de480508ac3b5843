import type { CompanySort } from "../api/endpoints.ts";
import { useCompanyList } from "../hooks/useCompanyList.ts";
import { useLocation } from "../hooks/useLocation.ts";
import { useSession } from "../hooks/useSession.ts";
import { formatNumber } from "../lib/format.ts";
import { PARTNERSHIP_TYPE_LABEL } from "../lib/labels.ts";
import { navigate, withQuery } from "../lib/navigation.ts";
import { companyHref } from "../lib/taskLinks.ts";
import { EmptyState } from "./EmptyState.tsx";
import { ErrorState } from "./ErrorState.tsx";
import { Link } from "./Link.tsx";
import { LoadingState } from "./LoadingState.tsx";
import { SearchField } from "./SearchField.tsx";
import { SeverityCountBadges } from "./SeverityCountBadges.tsx";
import { SortHeader } from "./SortHeader.tsx";

const SORTS: readonly CompanySort[] = ["name", "-name", "tasks"];

/** The partner's companies: search, sort, filter by tag, open tasks per severity; a table that becomes cards on phones. */
export function CompaniesTable() {
  const location = useLocation();
  const { scope } = useSession();
  const q = location.query.get("q") ?? "";
  const tag = location.query.get("tag") ?? "";
  const sort = SORTS.find((s) => s === location.query.get("sort")) ?? "tasks";
  const list = useCompanyList({ ...scope, ...(q ? { q } : {}), ...(tag ? { tag } : {}), sort });
  const set = (changes: Record<string, string | null>, replace = false) =>
    navigate(withQuery(location.pathname, location.search, changes), { replace });

  return (
    <section className="card companies" aria-labelledby="companies-title">
      <div className="card__head">
        <div>
          <h2 id="companies-title" className="card__title">
            Companies
          </h2>
          <p className="card__subtitle" aria-live="polite">
            {list.total === null
              ? "…"
              : `${formatNumber(list.total)} ${list.total === 1 ? "company" : "companies"}`}
            {tag && (
              <>
                {" "}
                tagged <span className="tag">{tag}</span>{" "}
                <button type="button" className="link-button" onClick={() => set({ tag: null })}>
                  Show all tags
                </button>
              </>
            )}
          </p>
        </div>
        <SearchField
          label="Search companies"
          value={q}
          placeholder="Name"
          onSearch={(text) => set({ q: text }, true)}
        />
      </div>
      {list.error && (
        <ErrorState error={list.error} title="The companies could not be loaded" onRetry={list.reload} />
      )}
      {!list.error && list.loading && list.items.length === 0 && <LoadingState label="Loading companies" />}
      {!list.error && !list.loading && list.items.length === 0 && (
        <EmptyState title="No companies match">
          {q || tag ? <p>Try another search or tag.</p> : <p>No customers yet.</p>}
        </EmptyState>
      )}
      {list.items.length > 0 && (
        <table className="data-table data-table--cards">
          <thead>
            <tr>
              <SortHeader
                label="Company"
                sort={sort === "name" ? "ascending" : sort === "-name" ? "descending" : null}
                onSort={() => set({ sort: sort === "name" ? "-name" : "name" })}
              />
              <th scope="col">Partnership</th>
              <th scope="col">Tags</th>
              <SortHeader
                label="Open tasks"
                sort={sort === "tasks" ? "descending" : null}
                onSort={() => set({ sort: "tasks" })}
              />
            </tr>
          </thead>
          <tbody>
            {list.items.map((company) => (
              <tr key={company.id}>
                <td data-label="Company">
                  <Link to={companyHref(company.id)} className="strong-link">
                    {company.name}
                  </Link>
                  {company.accountState !== "paying" && (
                    <span className="tag tag--state">{company.accountState}</span>
                  )}
                </td>
                <td data-label="Partnership">
                  {company.partnershipName}
                  <span className="tag tag--kind">{PARTNERSHIP_TYPE_LABEL[company.partnershipType]}</span>
                </td>
                <td data-label="Tags">
                  {company.tags.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <span className="tag-list">
                      {company.tags.map((t) => (
                        <button
                          key={t}
                          type="button"
                          className="tag tag--button"
                          aria-pressed={t === tag}
                          onClick={() => set({ tag: t === tag ? null : t })}
                          title={`Show companies tagged ${t}`}
                        >
                          {t}
                        </button>
                      ))}
                    </span>
                  )}
                </td>
                <td data-label="Open tasks">
                  <SeverityCountBadges counts={company.openTasks} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.nextCursor && (
        <div className="load-more">
          <button type="button" className="button" onClick={list.loadMore} disabled={list.loading}>
            {list.loading ? "Loading…" : "Load more"}
          </button>
          <span className="muted">
            Showing {formatNumber(list.items.length)} of {formatNumber(list.total ?? 0)}
          </span>
        </div>
      )}
    </section>
  );
}
