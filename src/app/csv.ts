/** CSV for exports (the command line's `--format csv`, the API's GET /tasks.csv). */

export type Cell = string | number | boolean | null | undefined;

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function renderCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const quote = (cell: Cell) => {
    let value = cell === null || cell === undefined ? "" : String(cell);
    if (/^[=+\-@\t\r]/.test(value) && typeof cell === "string") value = `'${value}`;
    return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  };
  return [headers, ...rows].map((row) => row.map(quote).join(",")).join("\r\n");
}
