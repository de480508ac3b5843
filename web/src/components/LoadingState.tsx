/** A polite "loading" placeholder with a spinner; screen readers hear the label once. */
export function LoadingState({
  label = "Loading",
  fullPage,
}: {
  readonly label?: string;
  readonly fullPage?: boolean;
}) {
  return (
    <div className={fullPage ? "loading-state loading-state--page" : "loading-state"} role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}
