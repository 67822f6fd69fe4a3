import schemaJson from '../../brands/brand.schema.json';
import { checkSchema, type Schema, validate } from './json-schema';

/**
 * The brand file (`/brand/brand.json`, mounted beside the built app), as
 * brands/brand.schema.json defines it: that file is both the documentation and the rules the
 * app checks at start (json-schema.ts).
 */
export interface BrandFile {
  $schema?: string;
  version: 1;
  name: string;
  logo?: string;
  favicon?: string;
  colours?: { primary?: string; onPrimary?: string; background?: string; text?: string };
  font?: {
    stack: string;
    files?: { family: string; src: string; weight?: string; style?: 'normal' | 'italic' }[];
  };
  links?: { home?: string; contact?: string; legalNotice?: string; privacyPolicy?: string };
  welcome?: { fr: string; en: string };
}

export const brandSchema = schemaJson as Schema;

/** Checks a parsed brand file: the data, or one line per problem ("colours.primary: …"). */
export function parseBrandFile(
  json: unknown,
): { ok: true; data: BrandFile } | { ok: false; problems: string[] } {
  const problems = validate(brandSchema, json);
  return problems.length ? { ok: false, problems } : { ok: true, data: json as BrandFile };
}

export { checkSchema };
