import { describe, expect, it } from 'vitest';
import { brandFromText, DEFAULT_BRAND } from './brand';
import { espaceClientSnippet } from './snippet';

const brand = brandFromText(
  JSON.stringify({
    version: 1,
    name: 'Dupont & Fils',
    colours: { primary: '#9b2915', onPrimary: '#ffffff' },
    font: { stack: 'Georgia, serif' },
  }),
).brand;

describe('espaceClientSnippet', () => {
  it("links to the portal in the brand's colours and font", () => {
    const html = espaceClientSnippet(brand, 'https://portail.dupont.example/some/page');
    document.body.innerHTML = html;
    const link = document.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://portail.dupont.example/');
    expect(link?.textContent).toBe('Espace client');
    expect(link?.getAttribute('title')).toBe('Espace client Dupont & Fils');
    expect(html).toContain('background: #9b2915;');
    expect(html).toContain('color: #ffffff;');
    expect(html).toContain('font: 600 1rem/1.2 Georgia, serif;');
    expect(html).not.toContain('<script');
  });

  it('speaks English on request, and uses the default brand without a file', () => {
    const html = espaceClientSnippet(DEFAULT_BRAND, 'https://portal.example', 'en');
    expect(html).toContain('>Customer area</a>');
    expect(html).toContain('background: #1d4ed8;');
  });

  it('refuses a portal address that is not https', () => {
    expect(() => espaceClientSnippet(brand, 'http://portail.example')).toThrow('https://');
  });
});
