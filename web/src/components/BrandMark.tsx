/** The portal's shield mark. */
export function BrandMark({ size = 28 }: { readonly size?: number }) {
  return (
    <svg
      className="brand-mark"
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="8" className="brand-mark__tile" />
      <path
        d="M16 6.5 24.5 10v6c0 5.2-3.6 8.8-8.5 10-4.9-1.2-8.5-4.8-8.5-10v-6z"
        className="brand-mark__shield"
      />
      <path d="m12.5 16 2.5 2.5 4.5-5" className="brand-mark__check" />
    </svg>
  );
}
