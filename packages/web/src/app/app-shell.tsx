import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NavLink,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigate,
  useNavigation,
  useNavigationType,
} from 'react-router';
import { BrandFooter } from '@/brand/brand-footer';
import {
  DocumentIcon,
  HomeIcon,
  InvoiceIcon,
  OrdersIcon,
  SignOutIcon,
  TeamIcon,
  UserIcon,
} from '@/components/icons';
import { LanguageSwitcher } from '@/components/language-switcher';
import { Logo } from '@/components/logo';
import { useLogout } from '@/features/auth/api/use-logout';
import type { Scope } from '@/gql/graphql';
import { useCan } from '@/lib/use-can';

/** Each page with the scope it needs (issue 16): a member sees only what its role can use. */
const NAV: {
  to: string;
  key: string;
  icon: () => React.JSX.Element;
  end: boolean;
  scope?: Scope;
}[] = [
  { to: '/', key: 'nav.dashboard', icon: HomeIcon, end: true },
  { to: '/orders', key: 'nav.orders', icon: OrdersIcon, end: false, scope: 'ORDERS_READ' },
  { to: '/invoices', key: 'nav.invoices', icon: InvoiceIcon, end: false, scope: 'INVOICES_READ' },
  {
    to: '/documents',
    key: 'nav.documents',
    icon: DocumentIcon,
    end: false,
    scope: 'DOCUMENTS_READ',
  },
  { to: '/team', key: 'team.nav', icon: TeamIcon, end: false, scope: 'MEMBERS_MANAGE' },
  { to: '/account', key: 'nav.account', icon: UserIcon, end: false },
];

/**
 * Moves focus to the new page's heading after a navigation, as a page load would. The scroll
 * position is the router's (ScrollRestoration): the top for a new page, where it was for a
 * page left with the back button, so a list shows again the row that was opened.
 */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path, by design
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target =
      document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
    target?.focus({ preventScroll: true });
    if (navigationType !== 'POP') window.scrollTo(0, 0);
  }, [pathname]);
}

/** The signed-in frame: header with navigation on wide screens, a tab bar at the bottom on phones. */
export function AppShell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const [logout, { loading: signingOut }] = useLogout();
  const can = useCan();
  useFocusOnNavigate();

  const signOut = () =>
    logout(() => navigate('/sign-in', { replace: true, state: { signedOut: true } }));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {navigation.state === 'loading' && (
        <div className="route-progress" role="progressbar" aria-label={t('app.pageLoading')} />
      )}
      <header className="topbar">
        <div className="topbar-inner">
          <NavLink to="/" className="brand">
            <Logo />
          </NavLink>
          <nav className="nav" aria-label={t('nav.label')}>
            <ul>
              {NAV.filter(({ scope }) => !scope || can(scope)).map(
                ({ to, key, icon: Icon, end }) => (
                  <li key={to}>
                    <NavLink to={to} end={end}>
                      <Icon />
                      <span>{t(key)}</span>
                    </NavLink>
                  </li>
                ),
              )}
            </ul>
          </nav>
          <div className="topbar-actions">
            <LanguageSwitcher />
            <button
              type="button"
              className="btn btn-ghost"
              onClick={signOut}
              disabled={signingOut}
              title={t('nav.signOut')}
            >
              <SignOutIcon />
              <span className="signout-label">{t('nav.signOut')}</span>
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <BrandFooter />
      <ScrollRestoration />
    </div>
  );
}

export default AppShell;
