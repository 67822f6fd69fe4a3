import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brandFromText } from './brand';
import { brandSchema, parseBrandFile } from './brand-schema';
import { checkSchema, type Schema, validate } from './json-schema';

// Paths, not URL objects: jsdom's URL is not the one node:fs accepts.
const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname);
const read = (path: string) => readFileSync(here(path), 'utf8');

describe('the brand schema', () => {
  it('uses only keywords the validator enforces', () => {
    expect(() => checkSchema(brandSchema)).not.toThrow();
    expect(() => checkSchema({ type: 'string', format: 'uri' } as Schema)).toThrow(
      '#: keyword "format" is not supported',
    );
  });

  it.each([
    ['the demo brand', '../../brands/comptoir-lyonnais/brand.json'],
    ["the browser tests' brand", '../../e2e/brands/maison-verte/brand.json'],
  ])('accepts %s, colours unchanged', (_, path) => {
    const load = brandFromText(read(path));
    expect(load.errors).toEqual([]);
    expect(load.warnings).toEqual([]);
    expect(load.status).toBe('custom');
  });

  it('refuses the broken brand of the browser tests, one line per problem', () => {
    const load = brandFromText(read('../../e2e/brands/broken/brand.json'));
    expect(load.status).toBe('fallback');
    expect(load.errors).toEqual([
      'name: must not be empty',
      'colours.primary: expected a #rrggbb colour',
      'links.home: expected an https:// address',
      '(file): unknown key "welcom"',
    ]);
  });

  it.each([
    [{ logo: '../secrets/logo.svg' }, 'logo: expected a file of the brand folder'],
    [{ logo: '/etc/logo.svg' }, 'logo: expected a file of the brand folder'],
    [{ logo: 'https://cdn.example/logo.svg' }, 'logo: expected a file of the brand folder'],
    [{ favicon: 'icon.gif' }, 'favicon: expected a file of the brand folder'],
    [
      { links: { contact: 'javascript:alert(1)' } },
      'links.contact: expected an https:// or mailto:',
    ],
    [
      { links: { privacyPolicy: 'http://example.fr' } },
      'links.privacyPolicy: expected an https://',
    ],
    [
      { font: { stack: 'Arial; } body { display: none' } },
      'font.stack: expected a CSS font-family',
    ],
    [
      { font: { stack: 'X', files: [{ family: 'X', src: 'x.ttf' }] } },
      'font.files.0.src: expected a file of the brand folder (woff2, woff)',
    ],
    [{ welcome: { fr: 'Bonjour' } }, 'welcome.en: required'],
    [{ version: 2 }, 'version: expected 1'],
    [{ name: 'x'.repeat(61) }, 'name: at most 60 characters'],
  ])('refuses %j', (change, problem) => {
    const result = parseBrandFile({ version: 1, name: 'Société', ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toContain(problem);
  });

  it('accepts a font stack with quoted and generic families', () => {
    const result = parseBrandFile({
      version: 1,
      name: 'Société',
      font: { stack: `"Open Sans", 'Noto Sans', system-ui, sans-serif` },
    });
    expect(result.ok).toBe(true);
  });
});

describe('validate', () => {
  it.each([
    [{ type: 'integer', const: 1 }, 2, ['(file): expected 1']],
    [{ type: 'integer' }, 1.5, ['(file): expected an integer']],
    [{ type: 'object' }, [], ['(file): expected an object']],
    [{ type: 'array', maxItems: 1 }, [1, 2], ['(file): at most 1 items']],
    [{ type: 'string', enum: ['a'] }, 'b', ['(file): expected one of "a"']],
    [{ type: 'string', minLength: 2 }, 'a', ['(file): at least 2 characters']],
    [{ type: 'string', pattern: '^a$' }, 'b', ['(file): expected a match of ^a$']],
    [
      { type: 'object', properties: { a: { type: 'array', items: { type: 'string' } } } },
      { a: ['x', 3] },
      ['a.1: expected a string'],
    ],
  ] as [Schema, unknown, string[]][])('%j on %j', (schema, value, problems) => {
    expect(validate(schema, value)).toEqual(problems);
  });
});
