import type { Brand } from './brand';

const LABELS = { fr: 'Espace client', en: 'Customer area' } as const;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * The "Espace client" button for the company's showcase site: a plain link to the portal in
 * the brand's colours and font, with its own small stylesheet. No script, nothing fetched
 * from the portal: it works on any site, and the portal's CSP is not involved.
 */
export function espaceClientSnippet(
  brand: Brand,
  portalUrl: string,
  language: keyof typeof LABELS = 'fr',
): string {
  const url = new URL('/', portalUrl);
  if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    throw new Error(`the portal's address must be https:// (${portalUrl})`);
  }
  const { primary, primaryHover, onPrimary } = brand.colours;
  const font = brand.font.stack ?? 'system-ui, sans-serif';
  const label = LABELS[language];
  const title = brand.name ? `${label} ${brand.name}` : label;
  return `<!-- "${label}" button to the customer portal (docs/branding.md). Generated from the brand file. -->
<style>
  .espace-client-link {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
    padding: 0.55em 1.1em;
    border-radius: 8px;
    background: ${primary};
    color: ${onPrimary};
    font: 600 1rem/1.2 ${font};
    text-decoration: none;
  }
  .espace-client-link:hover { background: ${primaryHover}; color: ${onPrimary}; }
  .espace-client-link:focus-visible { outline: 3px solid ${primary}; outline-offset: 2px; }
</style>
<a class="espace-client-link" href="${escapeHtml(url.href)}" lang="${language}" title="${escapeHtml(title)}">${escapeHtml(label)}</a>
`;
}
