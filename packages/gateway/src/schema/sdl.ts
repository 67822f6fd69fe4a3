import { printSchema } from 'graphql';
import { portalSchema } from './build.js';

export const SDL_HEADER =
  '# GENERATED from the gateway code (pnpm --filter @portal/gateway schema:write): do not edit.\n# The web app generates its typed operations from this file.\n\n';

/** The schema as SDL, as written to docs/schema.graphql. */
export async function schemaSdl(): Promise<string> {
  return `${SDL_HEADER}${printSchema(await portalSchema())}\n`;
}
