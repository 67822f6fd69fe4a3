/** The portal's mark and name, drawn inline (no image request). */
export function Logo({ label }: { label: string }) {
  return (
    <span className="logo">
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="var(--color-primary)" />
        <path d="M9 22V10h7.5a4.5 4.5 0 0 1 0 9H13" stroke="#fff" strokeWidth="3" fill="none" />
      </svg>
      <span className="logo-text">{label}</span>
    </span>
  );
}
