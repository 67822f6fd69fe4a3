import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PORTAL_API_VERSION } from './installation.mapper.js';

describe('PORTAL_API_VERSION', () => {
  it('is the version of the portal_api module in this repository', () => {
    const cfg = readFileSync(
      new URL('../../../../tryton/modules/portal_api/tryton.cfg', import.meta.url),
      'utf8',
    );
    expect(/^version\s*=\s*(\S+)/m.exec(cfg)?.[1]).toBe(PORTAL_API_VERSION);
  });
});
