import type { Brand } from './brand';

const PROPERTIES: [keyof Brand['colours'], string][] = [
  ['primary', '--color-primary'],
  ['primaryHover', '--color-primary-hover'],
  ['primarySoft', '--color-primary-soft'],
  ['onPrimary', '--color-on-primary'],
  ['background', '--color-bg'],
  ['text', '--color-text'],
];

/**
 * Puts the brand on the page before the first render: the CSS custom properties of
 * styles.css (set through the CSSOM, which the strict style-src of the CSP allows), the tab
 * icon, the browser's theme colour, the title and the brand's own font files.
 */
export function applyBrand(brand: Brand, doc: Document = document): void {
  const root = doc.documentElement;
  for (const [key, property] of PROPERTIES) root.style.setProperty(property, brand.colours[key]);
  root.style.setProperty('--color-info', brand.colours.primary);
  root.style.setProperty('--color-info-soft', brand.colours.primarySoft);
  if (brand.font.stack) root.style.setProperty('--font', brand.font.stack);

  const icon = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (icon) {
    icon.href = brand.favicon;
    const type = /\.svg$/.test(brand.favicon)
      ? 'image/svg+xml'
      : /\.png$/.test(brand.favicon)
        ? 'image/png'
        : 'image/x-icon';
    icon.type = type;
  }
  doc.querySelector('meta[name="theme-color"]')?.setAttribute('content', brand.colours.primary);
  if (brand.name) doc.title = brand.name;

  // The FontFace API, not an @font-face rule: no inline style element under the CSP.
  if (typeof FontFace === 'undefined') return;
  for (const font of brand.font.files) {
    const face = new FontFace(font.family, `url("${font.url}")`, {
      weight: font.weight,
      style: font.style,
    });
    doc.fonts.add(face);
    face.load().catch(() => {
      console.error(
        `Brand font ${font.url} could not be loaded: the next font of the stack is used`,
      );
    });
  }
}
