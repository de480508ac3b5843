/** A column header that sorts the table, announcing the current order with aria-sort. */
export function SortHeader({
  label,
  sort,
  onSort,
}: {
  readonly label: string;
  readonly sort: "ascending" | "descending" | null;
  readonly onSort: () => void;
}) {
  return (
    <th scope="col" aria-sort={sort ?? "none"}>
      <button type="button" className="sort-header" onClick={onSort}>
        {label}
        <svg
          viewBox="0 0 12 12"
          width="12"
          height="12"
          aria-hidden="true"
          focusable="false"
          className={`sort-header__icon sort-header__icon--${sort ?? "none"}`}
        >
          <path className="sort-header__up" d="M3 5 6 2l3 3" />
          <path className="sort-header__down" d="M3 7l3 3 3-3" />
        </svg>
      </button>
    </th>
  );
}
