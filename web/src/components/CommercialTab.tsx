import type { CompanyDetail } from "../api/types.ts";
import { formatDate, formatMoney, formatNumber, plural } from "../lib/format.ts";
import { CauseMarker } from "./CauseMarker.tsx";
import { EmptyState } from "./EmptyState.tsx";
import { MoneyList } from "./MoneyList.tsx";

type Commercial = NonNullable<CompanyDetail["commercial"]>;

/** Orders with their dates, ACV and days to renewal (reseller partnerships only). */
export function CommercialTab({
  commercial,
  highlight,
}: {
  readonly commercial: Commercial;
  readonly highlight: ReadonlySet<string>;
}) {
  const orders = [...commercial.orders].sort((a, b) => a.endDate.localeCompare(b.endDate));
  return (
    <div className="stack">
      <dl className="inline-stats">
        <div>
          <dt>Annual contract value</dt>
          <dd>
            <MoneyList amounts={commercial.acv} />
          </dd>
        </div>
        <div>
          <dt>Orders</dt>
          <dd>{formatNumber(commercial.orders.length)}</dd>
        </div>
      </dl>
      {orders.length === 0 ? (
        <EmptyState title="No orders">This company has no orders on record.</EmptyState>
      ) : (
        <table className="data-table data-table--cards">
          <caption className="visually-hidden">Orders, soonest end date first</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Products</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                ACV
              </th>
              <th scope="col">Renewal</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => {
              const hit = highlight.has(order.orderNumber);
              return (
                <tr
                  key={order.orderNumber}
                  className={hit ? "is-highlighted" : undefined}
                  data-highlighted={hit || undefined}
                  id={`order-${order.orderNumber}`}
                >
                  <th scope="row" data-label="Order">
                    {order.orderNumber}
                    {hit && <CauseMarker />}
                  </th>
                  <td data-label="Products">
                    {order.lines.map((line) => (
                      <span key={line.product} className="line-item">
                        {formatNumber(line.quantity)} × <abbr title={line.productName}>{line.product}</abbr>
                      </span>
                    ))}
                  </td>
                  <td data-label="Start">{formatDate(order.startDate)}</td>
                  <td data-label="End">{formatDate(order.endDate)}</td>
                  <td data-label="Status">
                    <span className={`status-pill status-pill--${order.status}`}>{order.status}</span>
                  </td>
                  <td data-label="ACV" className="numeric">
                    {order.acv !== null && order.currency ? formatMoney(order.acv, order.currency) : "—"}
                  </td>
                  <td data-label="Renewal">{renewalText(order.status, order.daysToRenewal)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

function renewalText(status: string, days: number) {
  if (status !== "active") return <span className="muted">—</span>;
  if (days < 0) return <span className="text-high">Ended {plural(-days, "day")} ago</span>;
  const tone = days < 31 ? "text-high" : days <= 92 ? "text-medium" : days <= 183 ? "text-low" : undefined;
  return <span className={tone}>{plural(days, "day")}</span>;
}
