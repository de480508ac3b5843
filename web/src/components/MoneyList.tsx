import type { Money } from "../api/types.ts";
import { formatMoney } from "../lib/format.ts";

/** Amounts per currency, never summed across currencies. */
export function MoneyList({ amounts }: { readonly amounts: readonly Money[] }) {
  if (amounts.length === 0) return <span className="money-list__none">None</span>;
  return (
    <span className="money-list">
      {amounts.map((money) => (
        <span key={money.currency} className="money-list__item">
          {formatMoney(money.amount, money.currency)}
        </span>
      ))}
    </span>
  );
}
