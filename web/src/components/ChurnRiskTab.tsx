import type { CompanyDetail } from "../api/types.ts";
import { formatDateTime, plural } from "../lib/format.ts";
import { CauseMarker } from "./CauseMarker.tsx";
import { EmptyState } from "./EmptyState.tsx";

/** Scanner appliances with their heartbeat, and the last 30 days of scans with the failures marked. */
export function ChurnRiskTab({
  churn,
  highlight,
}: {
  readonly churn: CompanyDetail["churnRisk"];
  readonly highlight: ReadonlySet<string>;
}) {
  const inactive = churn.scanners.filter((s) => s.inactive).length;
  const failed = churn.scans.filter((s) => s.failed).length;
  return (
    <div className="stack">
      <section aria-labelledby="scanners-title">
        <h2 id="scanners-title" className="section-title">
          Scanner appliances{" "}
          <span className="section-title__note">
            {churn.scanners.length === 0
              ? ""
              : `${inactive} of ${plural(churn.scanners.length, "appliance")} inactive`}
          </span>
        </h2>
        {churn.scanners.length === 0 ? (
          <EmptyState title="No scanner appliances">This company runs no scanner appliances.</EmptyState>
        ) : (
          <table className="data-table data-table--cards">
            <thead>
              <tr>
                <th scope="col">Appliance</th>
                <th scope="col">Status</th>
                <th scope="col">Last heartbeat</th>
              </tr>
            </thead>
            <tbody>
              {churn.scanners.map((scanner) => {
                const hit = highlight.has(scanner.id);
                return (
                  <tr
                    key={scanner.id}
                    className={hit ? "is-highlighted" : undefined}
                    data-highlighted={hit || undefined}
                    id={`scanner-${scanner.id}`}
                  >
                    <th scope="row" data-label="Appliance">
                      {scanner.name} <span className="muted small">{scanner.id}</span>
                      {hit && <CauseMarker />}
                    </th>
                    <td data-label="Status">
                      <span className={`status-pill status-pill--${scanner.inactive ? "offline" : "online"}`}>
                        {scanner.status}
                        {scanner.inactive && scanner.status === "online" ? " · no heartbeat" : ""}
                      </span>
                    </td>
                    <td data-label="Last heartbeat">{formatDateTime(scanner.lastSeenAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="scans-title">
        <h2 id="scans-title" className="section-title">
          Recent scans{" "}
          <span className="section-title__note">
            {churn.scans.length ? `last 30 days · ${plural(failed, "failure")}` : ""}
          </span>
        </h2>
        {churn.scans.length === 0 ? (
          <EmptyState title="No scans in the last 30 days" />
        ) : (
          <table className="data-table data-table--cards">
            <thead>
              <tr>
                <th scope="col">Scan</th>
                <th scope="col">Target</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Finished</th>
              </tr>
            </thead>
            <tbody>
              {churn.scans.map((scan) => {
                const hit = highlight.has(scan.id);
                return (
                  <tr
                    key={scan.id}
                    className={hit ? "is-highlighted" : undefined}
                    data-highlighted={hit || undefined}
                    id={`scan-${scan.id}`}
                  >
                    <th scope="row" data-label="Scan">
                      <span className="product-code">{scan.product}</span>{" "}
                      <span className="muted small">{scan.id}</span>
                      {hit && <CauseMarker />}
                    </th>
                    <td data-label="Target" className="break">
                      {scan.target ?? "—"}
                    </td>
                    <td data-label="Status">
                      <span className={`status-pill status-pill--${scan.failed ? "failed" : scan.status}`}>
                        {scan.failed ? "failed" : scan.status}
                      </span>
                    </td>
                    <td data-label="Started">{formatDateTime(scan.startedAt)}</td>
                    <td data-label="Finished">{formatDateTime(scan.finishedAt)}</td>
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
