/**
 * A validator for the subset of JSON Schema (2020-12) that brands/brand.schema.json uses, so
 * that the schema file is the rules themselves, not a description of them. About 1 kB gzip on
 * the sign-in page, where zod/mini cost 7.4 kB and left 0.8 kB of the 200 kB budget.
 * A keyword it does not know throws (checkSchema), so the schema cannot grow a rule that
 * would be silently ignored. `x-expected` words the error of a failed pattern.
 */
export interface Schema {
  type?: 'object' | 'array' | 'string' | 'integer';
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: false;
  items?: Schema;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  const?: unknown;
  enum?: unknown[];
  'x-expected'?: string;
}

const KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'const',
  'enum',
  'x-expected',
  // Annotations only.
  '$schema',
  '$comment',
  'title',
  'description',
]);

/** Throws on a keyword this validator would not enforce. */
export function checkSchema(schema: Schema, at = '#'): void {
  for (const key of Object.keys(schema)) {
    if (!KEYWORDS.has(key)) throw new Error(`${at}: keyword "${key}" is not supported`);
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    checkSchema(child, `${at}/properties/${name}`);
  }
  if (schema.items) checkSchema(schema.items, `${at}/items`);
}

const article = (type: string) =>
  type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`;

/** The problems of `value`, one line each ("colours.primary: expected a #rrggbb colour"). */
export function validate(schema: Schema, value: unknown, path: string[] = []): string[] {
  const where = path.length ? path.join('.') : '(file)';
  const fail = (message: string) => [`${where}: ${message}`];
  if (schema.const !== undefined && value !== schema.const) {
    return fail(`expected ${JSON.stringify(schema.const)}`);
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return fail(`expected one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return fail('expected an object');
      }
      const record = value as Record<string, unknown>;
      const problems: string[] = [];
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (record[key] !== undefined)
          problems.push(...validate(child, record[key], [...path, key]));
        else if (schema.required?.includes(key))
          problems.push(`${[...path, key].join('.')}: required`);
      }
      if (schema.additionalProperties === false) {
        for (const key of Object.keys(record)) {
          if (!schema.properties?.[key]) problems.push(`${where}: unknown key "${key}"`);
        }
      }
      return problems;
    }
    case 'array': {
      if (!Array.isArray(value)) return fail('expected an array');
      if (schema.maxItems !== undefined && value.length > schema.maxItems) {
        return fail(`at most ${schema.maxItems} items`);
      }
      const items = schema.items;
      return items ? value.flatMap((item, i) => validate(items, item, [...path, String(i)])) : [];
    }
    case 'integer':
      return Number.isInteger(value) ? [] : fail('expected an integer');
    case 'string': {
      if (typeof value !== 'string') return fail('expected a string');
      if (schema.minLength !== undefined && value.length < schema.minLength) {
        return fail(
          schema.minLength === 1 ? 'must not be empty' : `at least ${schema.minLength} characters`,
        );
      }
      if (schema.maxLength !== undefined && value.length > schema.maxLength) {
        return fail(`at most ${schema.maxLength} characters`);
      }
      if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) {
        return fail(`expected ${schema['x-expected'] ?? `a match of ${schema.pattern}`}`);
      }
      return [];
    }
    default:
      return schema.type === undefined ? [] : fail(`expected ${article(schema.type)}`);
  }
}
