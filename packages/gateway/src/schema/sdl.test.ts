import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_CODES, QUERY_CODES } from '../errors.js';
import { schemaSdl } from './sdl.js';

describe('docs/schema.graphql', () => {
  it('is current (run `pnpm --filter @portal/gateway schema:write` after changing the schema)', async () => {
    const written = readFileSync(
      new URL('../../../../docs/schema.graphql', import.meta.url),
      'utf8',
    );
    expect(written).toBe(await schemaSdl());
  });

  it('describes every type and field', async () => {
    const sdl = await schemaSdl();
    const undocumented = sdl
      .split('\n')
      .map((line, i, lines) => ({ line, previous: lines[i - 1] ?? '' }))
      .filter(({ line }) => /^ {2}\w+[(:]/.test(line))
      .filter(
        ({ previous }) => !previous.trim().endsWith('"""') && !previous.trim().startsWith('"'),
      );
    expect(undocumented.map((u) => u.line.trim())).toEqual([]);
  });
});

describe('the ErrorCode enum', () => {
  it('lists every code a client can meet, each in the errors table of docs/graphql.md', async () => {
    const sdl = await schemaSdl();
    const block = /enum ErrorCode \{([\s\S]*?)\n\}/.exec(sdl)?.[1] ?? '';
    const inSchema = [...block.matchAll(/^ {2}([A-Z_]+)$/gm)].map((m) => m[1]).sort();
    const codes = Object.keys({ ...GATEWAY_CODES, ...QUERY_CODES }).sort();
    expect(inSchema).toEqual(codes);
    const guide = readFileSync(new URL('../../../../docs/graphql.md', import.meta.url), 'utf8');
    const errors = guide.slice(guide.indexOf('## Errors'), guide.indexOf('## Limits'));
    const documented = [...errors.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(codes);
  });
});
