import { describe, expect, it, vi } from 'vitest';
import { brandFromText, DEFAULT_BRAND, loadBrand, reportBrand, resolveColours } from './brand';
import { contrastRatio } from './contrast';

const response = (status: number, body = '') =>
  new Response(status === 204 ? null : body, { status });
const valid = JSON.stringify({
  version: 1,
  name: ' Maison Verte ',
  logo: 'img/logo.svg',
  font: { stack: 'Lato, sans-serif', files: [{ family: 'Lato', src: 'fonts/lato.woff2' }] },
  links: { home: 'https://maison-verte.example/' },
});

describe('resolveColours', () => {
  it('keeps the default colours, which pass', () => {
    const { colours, warnings } = resolveColours();
    expect(warnings).toEqual([]);
    const { primary, onPrimary, background, text } = DEFAULT_BRAND.colours;
    expect(colours).toMatchObject({ primary, onPrimary, background, text });
  });

  it('adjusts each failing pair until it reaches 4.5:1, and says so', () => {
    const { colours, warnings } = resolveColours({
      primary: '#f5a623',
      onPrimary: '#ffffff',
      background: '#30343a',
      text: '#9aa0a6',
    });
    expect(contrastRatio(colours.primary, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colours.primary, colours.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colours.onPrimary, colours.primary)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colours.onPrimary, colours.primaryHover)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colours.primary, colours.primarySoft)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colours.text, colours.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colours.text, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#536076', colours.background)).toBeGreaterThanOrEqual(4.5);
    expect(warnings.map((w) => w.split(' ')[0])).toEqual([
      'colours.background',
      'colours.text',
      'colours.primary',
      'colours.primary',
    ]);
    expect(warnings[2]).toMatch(
      /^colours\.primary #f5a623 has 2\.0:1 on the cards #ffffff \(WCAG AA needs 4\.5:1\): adjusted to #[0-9a-f]{6}$/,
    );
  });

  it('chooses a dark text for a light primary rather than refusing it', () => {
    const { colours } = resolveColours({ primary: '#0b5d1e', onPrimary: '#7fbf7f' });
    expect(contrastRatio(colours.onPrimary, colours.primary)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('brandFromText', () => {
  it('resolves files under /brand/ and fills the rest from the default', () => {
    const load = brandFromText(valid);
    expect(load.status).toBe('custom');
    expect(load.brand).toMatchObject({
      name: 'Maison Verte',
      logo: '/brand/img/logo.svg',
      favicon: '/favicon.svg',
      font: {
        stack: 'Lato, sans-serif',
        files: [{ family: 'Lato', url: '/brand/fonts/lato.woff2', weight: '400', style: 'normal' }],
      },
      links: { home: 'https://maison-verte.example/' },
      welcome: null,
    });
  });

  it('falls back to the default brand on a file that is not JSON', () => {
    const load = brandFromText('{ "name": ');
    expect(load.status).toBe('fallback');
    expect(load.brand).toBe(DEFAULT_BRAND);
    expect(load.errors[0]).toMatch(/^not valid JSON/);
  });
});

describe('loadBrand', () => {
  it('reads /brand/brand.json', async () => {
    const fetcher = vi.fn(async () => response(200, valid));
    const load = await loadBrand(fetcher as unknown as typeof fetch);
    expect(fetcher).toHaveBeenCalledWith('/brand/brand.json', expect.anything());
    expect(load.brand.name).toBe('Maison Verte');
  });

  it('shows the default brand when none is mounted (204 or 404), with a warning only', async () => {
    for (const status of [204, 404]) {
      const load = await loadBrand((async () => response(status)) as unknown as typeof fetch);
      expect(load, String(status)).toMatchObject({
        status: 'default',
        brand: DEFAULT_BRAND,
        errors: [],
      });
      expect(load.warnings).toHaveLength(1);
    }
  });

  it('falls back on a server error, a network failure or a server that never answers', async () => {
    const failing = [
      async () => response(500),
      async () => {
        throw new TypeError('Failed to fetch');
      },
      (_: unknown, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    ];
    for (const fetcher of failing) {
      const load = await loadBrand(fetcher as unknown as typeof fetch, 50);
      expect(load.status).toBe('fallback');
      expect(load.brand).toBe(DEFAULT_BRAND);
      expect(load.errors).toHaveLength(1);
    }
  });
});

describe('reportBrand', () => {
  it('writes the refusal as an error naming the file and every problem', () => {
    const out = { error: vi.fn(), warn: vi.fn() };
    reportBrand(brandFromText('{"version":1,"name":"","colours":{"text":"black"}}'), out);
    expect(out.error).toHaveBeenCalledTimes(1);
    expect(out.error.mock.calls[0]?.[0]).toBe(
      'Brand file /brand/brand.json refused, the default brand is shown instead:\n  - name: must not be empty\n  - colours.text: expected a #rrggbb colour',
    );
    expect(out.warn).not.toHaveBeenCalled();
  });
});
