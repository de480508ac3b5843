/** How dates, amounts and counts read in the portal (English, day month year). */
const DAY_MS = 86_400_000;

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const shortDateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const numberFormat = new Intl.NumberFormat("en-GB");

/** "YYYY-MM-DD" as a calendar date (no time-zone shift), or an ISO instant in local time. */
function toDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
}

export function formatDate(value: string | null | undefined): string {
  return value ? dateFormat.format(toDate(value)) : "—";
}

export function formatShortDate(value: string): string {
  return shortDateFormat.format(toDate(value));
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dateTimeFormat.format(new Date(value)) : "—";
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency, maximumFractionDigits: 0 }).format(
      amount,
    );
  } catch {
    return `${numberFormat.format(Math.round(amount))} ${currency}`;
  }
}

export function formatPercent(value: number): string {
  return `${(Math.round(value * 10) / 10).toLocaleString("en-GB")} %`;
}

/** "3 days", "1 day": a count with its noun. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${Math.abs(count) === 1 ? singular : pluralForm}`;
}

/** Whole days from `from` to `to` (instants), rounded down. */
export function daysBetween(from: string, to: Date = new Date()): number {
  return Math.max(0, Math.floor((to.getTime() - new Date(from).getTime()) / DAY_MS));
}

/** A task's age in words: "today", "1 day", "12 days", "3 months". */
export function formatAge(openedAt: string, now: Date = new Date()): string {
  const days = daysBetween(openedAt, now);
  if (days === 0) return "today";
  if (days < 60) return plural(days, "day");
  return plural(Math.floor(days / 30), "month");
}

/** The calendar date `days` from `from`, as YYYY-MM-DD in local time. */
export function isoDateAfter(days: number, from: Date = new Date()): string {
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
