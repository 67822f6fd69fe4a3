import { TrytonDateTime } from '@portal/tryton-client';

/**
 * A record's version, for optimistic concurrency: its write date (its creation date before
 * its first write), to the microsecond, as an opaque string. A write sends it back; the
 * portal_api module compares it with the record's and answers `conflict` when it moved.
 */
/** The fields of a row that its version is made of: every versioned schema declares them. */
export interface VersionColumns {
  write_date: TrytonDateTime | null;
  create_date: TrytonDateTime | null;
}

export function versionOf(row: VersionColumns): string {
  const stamp = row.write_date ?? row.create_date;
  const iso = stamp instanceof TrytonDateTime ? stamp.toISOString() : '';
  return Buffer.from(`v1:${iso}`).toString('base64url');
}

const ISO = /^v1:(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{6})Z$/;

/** The write date a version stands for; null for a string that is not a version. */
export function versionStamp(version: string): TrytonDateTime | null {
  const match = ISO.exec(Buffer.from(version, 'base64url').toString());
  if (!match) return null;
  const [y, mo, d, h, mi, s, us] = match.slice(1).map(Number) as number[];
  return new TrytonDateTime(
    y as number,
    mo as number,
    d as number,
    h as number,
    mi as number,
    s as number,
    us as number,
  );
}
