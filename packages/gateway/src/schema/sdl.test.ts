import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
