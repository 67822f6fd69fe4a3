import { readFileSync } from 'node:fs';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SignInRoute } from '@/features/auth/routes/sign-in';
import { SessionDocument } from '@/gql/graphql';
import { renderRoutes } from '@/test/render';
import { applyBrand } from './apply-brand';
import { type Brand, brandFromText, DEFAULT_BRAND } from './brand';

const anonymous = {
  request: { query: SessionDocument },
  result: { data: { viewer: null } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function brandOf(path: string): Brand {
  const file = decodeURIComponent(new URL(path, import.meta.url).pathname);
  return brandFromText(readFileSync(file, 'utf8')).brand;
}
const demo = brandOf('../../brands/comptoir-lyonnais/brand.json');
const second = brandOf('../../e2e/brands/maison-verte/brand.json');

function signIn(brand: Brand | undefined, language: 'fr' | 'en' = 'fr') {
  return renderRoutes({
    path: '/sign-in',
    mocks: [anonymous],
    language,
    brand,
    routes: [{ path: '/sign-in', element: <SignInRoute /> }],
  });
}

describe('the brand on the sign-in page', () => {
  it.each([
    [demo, 'Comptoir Lyonnais', /^Bienvenue dans l’espace client du Comptoir Lyonnais/],
    [second, 'Maison Verte Primeurs', /^Bonjour et bienvenue chez Maison Verte Primeurs/],
  ])('shows %#: name, logo, welcome text, title and links', async (brand, name, welcome) => {
    signIn(brand);
    await screen.findByRole('heading', { name: 'Connexion à votre espace client' });
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText(name)).toBeInTheDocument();
    expect(banner.querySelector('img')?.getAttribute('src')).toBe(brand.logo);
    expect(screen.getByText(welcome)).toBeInTheDocument();
    expect(document.title).toBe(`Connexion · ${name}`);
    const links = within(screen.getByRole('navigation', { name: `Liens vers le site de ${name}` }));
    expect(links.getByRole('link', { name: `Site de ${name}` })).toHaveAttribute(
      'href',
      brand.links.home,
    );
    expect(links.getByRole('link', { name: 'Contact' })).toHaveAttribute(
      'href',
      brand.links.contact,
    );
    expect(links.getByRole('link', { name: 'Mentions légales' })).toHaveAttribute(
      'href',
      brand.links.legalNotice,
    );
    expect(links.getByRole('link', { name: 'Politique de confidentialité' })).toHaveAttribute(
      'href',
      brand.links.privacyPolicy,
    );
  });

  it('shows the English welcome text in English', async () => {
    signIn(second, 'en');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByText(/^Hello and welcome to Maison Verte Primeurs/)).toBeInTheDocument();
    expect(document.title).toBe('Sign in · Maison Verte Primeurs');
    expect(screen.getByRole('link', { name: 'Legal notice' })).toBeInTheDocument();
  });

  it('shows the portal’s own name, mark and no links with the default brand', async () => {
    signIn(undefined);
    await screen.findByRole('heading', { name: 'Connexion à votre espace client' });
    expect(document.title).toBe('Connexion · Portail client');
    expect(screen.getByRole('banner').querySelector('img')).toBeNull();
    expect(screen.getByRole('banner').querySelector('svg')).not.toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByRole('contentinfo')).toHaveTextContent('Portail client');
  });
});

describe('applyBrand', () => {
  it('sets the colours, the font, the tab icon, the theme colour and the title', () => {
    document.head.innerHTML =
      '<link rel="icon" href="/favicon.svg" type="image/svg+xml"><meta name="theme-color" content="#1d4ed8">';
    applyBrand(second);
    const style = document.documentElement.style;
    expect(style.getPropertyValue('--color-primary')).toBe('#1f6f43');
    expect(style.getPropertyValue('--color-bg')).toBe('#f1f7f2');
    expect(style.getPropertyValue('--font')).toBe('"Open Sans", system-ui, sans-serif');
    expect(document.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe(
      '/brand/logo.svg',
    );
    expect(document.querySelector('meta[name="theme-color"]')?.getAttribute('content')).toBe(
      '#1f6f43',
    );
    expect(document.title).toBe('Maison Verte Primeurs');
    applyBrand(DEFAULT_BRAND);
    expect(style.getPropertyValue('--color-primary')).toBe('#1d4ed8');
  });
});
