// Writes the gateway's schema to docs/schema.graphql (run after `pnpm build`).
import { writeFileSync } from 'node:fs';
import { schemaSdl } from '../dist/schema/sdl.js';

const target = new URL('../../../docs/schema.graphql', import.meta.url);
writeFileSync(target, await schemaSdl());
process.stdout.write(`wrote ${target.pathname}\n`);
