import { PRODUCTS, type ProductCode } from "../../../src/core/products.ts";
import type { CompanyDetail } from "../api/types.ts";
import { daysBetween, formatDate, plural } from "../lib/format.ts";
import { CauseMarker } from "./CauseMarker.tsx";
import { EmptyState } from "./EmptyState.tsx";
import { UsageBar } from "./UsageBar.tsx";
import { UsageHistoryChart } from "./UsageHistoryChart.tsx";

/** The licensed unit in the plural: "IP addresses", "computers". */
const unitOf = (code: string) => {
  const unit = PRODUCTS[code as ProductCode]?.unit;
  if (!unit) return "units";
  return /(s|x|ch|sh)$/.test(unit) ? `${unit}es` : `${unit}s`;
};

/**
 * Licensed versus used per product with its 90-day history, and each product's last activity.
 * A licence task highlights the product's usage; an inactivity task its activity row.
 */
export function ProductUsageTab({
  usage,
  highlight,
  highlightActivity,
}: {
  readonly usage: CompanyDetail["productUsage"];
  readonly highlight: ReadonlySet<string>;
  /** Which place shows the cause: activity (MSSP inactivity) or the usage bars (reseller licences). */
  readonly highlightActivity: boolean;
}) {
  const licensed = usage.products.filter((p) => p.licensed !== null || p.used !== null);
  const active = usage.products.filter((p) => p.enabledAt !== null || p.lastUsedAt !== null);
  return (
    <div className="stack">
      <section aria-labelledby="licence-usage-title">
        <h2 id="licence-usage-title" className="section-title">
          {usage.products.some((p) => p.licensed !== null) ? "Licensed versus used" : "Usage"}
        </h2>
        {licensed.length === 0 ? (
          <EmptyState title="No usage measured">
            No licences or usage measurements for this company.
          </EmptyState>
        ) : (
          <ul className="product-grid">
            {licensed.map((product) => {
              const hit = !highlightActivity && highlight.has(product.product);
              return (
                <li
                  key={product.product}
                  className={hit ? "product-card is-highlighted" : "product-card"}
                  data-highlighted={hit || undefined}
                  id={`usage-${product.product}`}
                >
                  <div className="product-card__head">
                    <h3 className="product-card__title">
                      {product.productName} <span className="product-code">{product.product}</span>
                    </h3>
                    {hit && <CauseMarker />}
                  </div>
                  {product.licensed !== null && product.used !== null && product.usagePercent !== null ? (
                    <UsageBar
                      licensed={product.licensed}
                      used={product.used}
                      percent={product.usagePercent}
                      unit={unitOf(product.product)}
                    />
                  ) : (
                    <p className="muted small">
                      {product.licensed === null
                        ? `No active licence · ${product.used ?? 0} ${unitOf(product.product)} in use`
                        : "No usage measured yet"}
                    </p>
                  )}
                  <UsageHistoryChart
                    points={usage.history.filter((p) => p.product === product.product)}
                    licensed={product.licensed}
                    productName={product.productName}
                  />
                  <p className="muted small">Measured {formatDate(product.measuredAt)}</p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="activity-title">
        <h2 id="activity-title" className="section-title">
          Last activity per product
        </h2>
        {active.length === 0 ? (
          <EmptyState title="No activity recorded">No product of this company reports activity.</EmptyState>
        ) : (
          <table className="data-table data-table--cards">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Enabled</th>
                <th scope="col">Last used</th>
                <th scope="col">Inactive for</th>
              </tr>
            </thead>
            <tbody>
              {active.map((product) => {
                const hit = highlightActivity && highlight.has(product.product);
                const since = product.lastUsedAt ?? product.enabledAt;
                return (
                  <tr
                    key={product.product}
                    className={hit ? "is-highlighted" : undefined}
                    data-highlighted={hit || undefined}
                    id={`activity-${product.product}`}
                  >
                    <th scope="row" data-label="Product">
                      {product.productName} <span className="product-code">{product.product}</span>
                      {hit && <CauseMarker />}
                    </th>
                    <td data-label="Enabled">{formatDate(product.enabledAt)}</td>
                    <td data-label="Last used">
                      {product.lastUsedAt ? formatDate(product.lastUsedAt) : "Never"}
                    </td>
                    <td data-label="Inactive for">{since ? plural(daysBetween(since), "day") : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
