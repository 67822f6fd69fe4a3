import type { ReactNode } from 'react';
import { BrandFooter } from '@/brand/brand-footer';
import { LanguageSwitcher } from '@/components/language-switcher';
import { Logo } from '@/components/logo';

/** The centered card of the signed-out pages. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth-page">
      <header className="auth-header">
        <Logo />
        <LanguageSwitcher />
      </header>
      <main id="main" className="auth-main" tabIndex={-1}>
        <div className="auth-card">{children}</div>
      </main>
      <BrandFooter />
    </div>
  );
}
