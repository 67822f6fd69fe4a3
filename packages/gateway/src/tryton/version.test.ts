import { TrytonDateTime } from '@portal/tryton-client';
import { describe, expect, it } from 'vitest';
import { versionOf, versionStamp } from './version.js';

describe('record versions', () => {
  it('round-trips the write date to the microsecond', () => {
    const stamp = new TrytonDateTime(2026, 11, 30, 9, 5, 7, 123456);
    const version = versionOf({ write_date: stamp, create_date: null });
    expect(versionStamp(version)).toEqual(stamp);
  });

  it('falls back to the creation date, and refuses what is not a version', () => {
    const created = new TrytonDateTime(2026, 1, 2, 3, 4, 5, 6);
    expect(versionStamp(versionOf({ write_date: null, create_date: created }))).toEqual(created);
    expect(versionStamp('nonsense')).toBeNull();
    expect(versionStamp(versionOf({ write_date: null, create_date: null }))).toBeNull();
  });
});
