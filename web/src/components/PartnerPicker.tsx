import { type FormEvent, useState } from "react";
import { useSession } from "../hooks/useSession.ts";

/**
 * The vendor's choice of partner. The API has no list of partners yet, so the vendor types a
 * partner id; empty means every partner.
 */
export function PartnerPicker() {
  const { partner, setPartner } = useSession();
  const [value, setValue] = useState(partner ?? "");
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPartner(value.trim() || null);
  };
  return (
    <form className="scope-select scope-select--partner" onSubmit={apply}>
      <label htmlFor="partner-picker" className="scope-select__label">
        Partner id
      </label>
      <input
        id="partner-picker"
        value={value}
        placeholder="All partners"
        onChange={(event) => setValue(event.target.value)}
        spellCheck={false}
      />
      <button type="submit" className="button button--small">
        Apply
      </button>
    </form>
  );
}
