import { useState } from 'react';
import { useBrand, useBrandName } from '@/brand/brand-context';

/**
 * The company's logo and name, from the brand file; the portal's own mark, drawn inline, when
 * the brand has no logo or its file does not load.
 */
export function Logo() {
  const { logo } = useBrand();
  const name = useBrandName();
  const [broken, setBroken] = useState<string | null>(null);
  return (
    <span className="logo">
      {logo && broken !== logo ? (
        <img className="logo-image" src={logo} alt="" height={32} onError={() => setBroken(logo)} />
      ) : (
        <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="8" fill="var(--color-primary)" />
          <path
            d="M9 22V10h7.5a4.5 4.5 0 0 1 0 9H13"
            stroke="var(--color-on-primary)"
            strokeWidth="3"
            fill="none"
          />
        </svg>
      )}
      <span className="logo-text">{name}</span>
    </span>
  );
}
