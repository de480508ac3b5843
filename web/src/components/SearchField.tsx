import { useEffect, useId, useRef, useState } from "react";

/** A search box that reports its text after a short pause in typing (and at once on Enter). */
export function SearchField({
  label,
  value,
  placeholder,
  onSearch,
}: {
  readonly label: string;
  readonly value: string;
  readonly placeholder?: string;
  readonly onSearch: (text: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const latest = useRef(onSearch);
  latest.current = onSearch;

  // The address can change underneath (back button): follow it.
  useEffect(() => setText(value), [value]);

  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => latest.current(text), 350);
    return () => window.clearTimeout(timer);
  }, [text, value]);

  return (
    <div className="search-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="search-field__box">
        <svg
          viewBox="0 0 20 20"
          width="16"
          height="16"
          aria-hidden="true"
          focusable="false"
          className="search-field__icon"
        >
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4 4" />
        </svg>
        <input
          id={id}
          type="search"
          value={text}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") latest.current(text);
          }}
        />
      </div>
    </div>
  );
}
