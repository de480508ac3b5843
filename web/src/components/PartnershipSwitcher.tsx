import { useSession } from "../hooks/useSession.ts";
import { PARTNERSHIP_TYPE_LABEL } from "../lib/labels.ts";

/** Narrows the dashboard, companies and tasks to one partnership, for partners holding several. */
export function PartnershipSwitcher() {
  const { me, partnership, setPartnership, isVendor } = useSession();
  if (me.partnerships.length < 2 || isVendor) return null;
  return (
    <div className="scope-select">
      <label htmlFor="partnership-switcher" className="scope-select__label">
        Partnership
      </label>
      <select
        id="partnership-switcher"
        value={partnership ?? ""}
        onChange={(event) => setPartnership(event.target.value || null)}
      >
        <option value="">All partnerships</option>
        {me.partnerships.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({PARTNERSHIP_TYPE_LABEL[p.type]})
          </option>
        ))}
      </select>
    </div>
  );
}
