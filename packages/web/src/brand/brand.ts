import { type BrandFile, parseBrandFile } from './brand-schema';
import { AA_TEXT, contrastRatio, ensureContrast, mix, relativeLuminance } from './contrast';

/** Where the web server serves the brand folder, beside the built app. */
export const BRAND_BASE = '/brand/';
export const BRAND_URL = `${BRAND_BASE}brand.json`;

/** The cards, tables and fields: white in every brand. */
const SURFACE = '#ffffff';
/** The secondary text colour of styles.css: the background must keep it readable. */
const MUTED = '#536076';

export interface BrandColours {
  primary: string;
  primaryHover: string;
  primarySoft: string;
  onPrimary: string;
  background: string;
  text: string;
}

export interface BrandFont {
  family: string;
  url: string;
  weight: string;
  style: 'normal' | 'italic';
}

/** A brand ready to render: every colour set and checked, every file an URL. */
export interface Brand {
  /** null for the default brand: the UI's own "Portail client" / "Customer portal". */
  name: string | null;
  logo: string | null;
  favicon: string;
  colours: BrandColours;
  font: { stack: string | null; files: BrandFont[] };
  links: { home?: string; contact?: string; legalNotice?: string; privacyPolicy?: string };
  welcome: { fr: string; en: string } | null;
}

/** The portal's own look (styles.css), shown when no brand file is mounted or it is refused. */
export const DEFAULT_BRAND: Brand = {
  name: null,
  logo: null,
  favicon: '/favicon.svg',
  colours: {
    primary: '#1d4ed8',
    primaryHover: '#1e40af',
    primarySoft: '#e8efff',
    onPrimary: '#ffffff',
    background: '#f4f6fa',
    text: '#172033',
  },
  font: { stack: null, files: [] },
  links: {},
  welcome: null,
};

const ratio = (a: string, b: string) => contrastRatio(a, b).toFixed(1);

/**
 * Completes and checks the colours: each pair the portal draws (text on the page and on the
 * cards, links and buttons, text on buttons, the active tab) reaches 4.5:1 (WCAG AA), the
 * failing colour being darkened or lightened until it does; each change is a warning.
 */
export function resolveColours(colours: BrandFile['colours'] = {}): {
  colours: BrandColours;
  warnings: string[];
} {
  const warnings: string[] = [];
  const check = (key: string, value: string, against: string, where: string) => {
    const adjusted = ensureContrast(value, against, AA_TEXT);
    if (adjusted !== value) {
      warnings.push(
        `colours.${key} ${value} has ${ratio(value, against)}:1 on ${where} ${against} (WCAG AA needs ${AA_TEXT}:1): adjusted to ${adjusted}`,
      );
    }
    return adjusted;
  };
  const given = { ...DEFAULT_BRAND.colours, ...colours };
  // The background first: the portal's secondary text and the cards' white must stay readable.
  const background = check(
    'background',
    given.background.toLowerCase(),
    MUTED,
    'the secondary text',
  );
  let text = check('text', given.text.toLowerCase(), background, 'the background');
  text = check('text', text, SURFACE, 'the cards');
  let primary = check('primary', given.primary.toLowerCase(), SURFACE, 'the cards');
  primary = check('primary', primary, background, 'the background');
  const onPrimary = check('onPrimary', given.onPrimary.toLowerCase(), primary, 'the primary');
  // Hover goes away from the button's text colour, and stays readable as a link.
  const away = relativeLuminance(onPrimary) > 0.5 ? '#000000' : '#ffffff';
  let primaryHover = ensureContrast(mix(primary, away, 0.15), SURFACE);
  if (contrastRatio(onPrimary, primaryHover) < AA_TEXT) primaryHover = primary;
  // The active tab: primary text on a pale tint of itself.
  const primarySoft =
    [0.9, 0.93, 0.96, 1]
      .map((share) => mix(primary, SURFACE, share))
      .find((soft) => contrastRatio(primary, soft) >= AA_TEXT) ?? SURFACE;
  return {
    colours: { primary, primaryHover, primarySoft, onPrimary, background, text },
    warnings,
  };
}

/** A valid brand file as the app renders it; `base` is where its folder is served. */
export function resolveBrand(
  file: BrandFile,
  base = BRAND_BASE,
): { brand: Brand; warnings: string[] } {
  const { colours, warnings } = resolveColours(file.colours);
  return {
    brand: {
      name: file.name.trim(),
      logo: file.logo ? base + file.logo : null,
      favicon: file.favicon ? base + file.favicon : DEFAULT_BRAND.favicon,
      colours,
      font: {
        stack: file.font?.stack.trim() ?? null,
        files: (file.font?.files ?? []).map((font) => ({
          family: font.family,
          url: base + font.src,
          weight: font.weight ?? '400',
          style: font.style ?? 'normal',
        })),
      },
      links: { ...file.links },
      welcome: file.welcome ?? null,
    },
    warnings,
  };
}

/**
 * What loading the brand gave: `custom` (the file, maybe with adjusted colours: `warnings`),
 * `default` (no file mounted) or `fallback` (a file that could not be used: `errors`).
 */
export interface BrandLoad {
  brand: Brand;
  status: 'custom' | 'default' | 'fallback';
  errors: string[];
  warnings: string[];
}

/** Checks the text of a brand file; never throws: a bad file gives the default brand. */
export function brandFromText(text: string, base = BRAND_BASE): BrandLoad {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fallback([`not valid JSON (${reason})`]);
  }
  const parsed = parseBrandFile(json);
  if (!parsed.ok) return fallback(parsed.problems);
  const { brand, warnings } = resolveBrand(parsed.data, base);
  return { brand, status: 'custom', errors: [], warnings };
}

function fallback(errors: string[]): BrandLoad {
  return { brand: DEFAULT_BRAND, status: 'fallback', errors, warnings: [] };
}

/**
 * Fetches and checks `/brand/brand.json`. Bounded: after `timeoutMs` the portal shows the
 * default brand rather than a blank page.
 */
export async function loadBrand(
  fetcher: typeof fetch = fetch,
  timeoutMs = 4000,
): Promise<BrandLoad> {
  let response: Response;
  try {
    response = await fetcher(BRAND_URL, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'network error';
    return fallback([`could not be read (${reason})`]);
  }
  // 204: the server's "no brand mounted" (deploy/web/nginx.conf), which the browser's console
  // does not report as a failed load on every page as it does a 404; 404 means the same.
  if (response.status === 204 || response.status === 404) {
    return {
      brand: DEFAULT_BRAND,
      status: 'default',
      errors: [],
      warnings: ['no brand file is mounted: the default brand is shown'],
    };
  }
  if (!response.ok) return fallback([`answered HTTP ${response.status}`]);
  return brandFromText(await response.text());
}

/** The outcome in the browser's console, one line per problem, for whoever deploys. */
export function reportBrand(load: BrandLoad, out: Pick<Console, 'error' | 'warn'> = console) {
  if (load.errors.length) {
    out.error(
      `Brand file ${BRAND_URL} refused, the default brand is shown instead:\n${load.errors.map((e) => `  - ${e}`).join('\n')}`,
    );
  }
  if (load.warnings.length) {
    out.warn(`Brand file ${BRAND_URL}:\n${load.warnings.map((w) => `  - ${w}`).join('\n')}`);
  }
}
