import { useId, useState } from "react";
import type { CompanySummary } from "../api/types.ts";
import { plural } from "../lib/format.ts";

/** A searchable checklist of companies, for a `user` limited to some companies. */
export function CompanyPicker({
  companies,
  selected,
  onChange,
}: {
  readonly companies: readonly CompanySummary[];
  readonly selected: readonly string[];
  readonly onChange: (ids: string[]) => void;
}) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const shown = companies.filter((c) => c.name.toLowerCase().includes(filter.trim().toLowerCase()));
  const toggle = (companyId: string, on: boolean) =>
    onChange(on ? [...selected, companyId] : selected.filter((x) => x !== companyId));
  return (
    <fieldset className="company-picker">
      <legend>
        Assigned companies <span className="muted">({plural(selected.length, "selected", "selected")})</span>
      </legend>
      <label htmlFor={`${id}-filter`} className="visually-hidden">
        Find a company
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        placeholder="Find a company"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <ul className="company-picker__list">
        {shown.map((company) => (
          <li key={company.id}>
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={selected.includes(company.id)}
                onChange={(event) => toggle(company.id, event.target.checked)}
              />
              {company.name}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No company matches.</li>}
      </ul>
    </fieldset>
  );
}
