import { createHash } from 'node:crypto';
import { decode, encode } from '@portal/tryton-client';
import type { CacheTtls } from '../config.js';
import type { CacheEvents } from './read-cache.js';
import type { CacheStore } from './store.js';

/** The credentials a request can carry; each kind is a cache area with its own lifetime. */
export type CredentialKind = 'sessions' | 'api-tokens';

interface Entry<T> {
  value: T;
  /** When the check that produced `value` started, before Tryton was asked. */
  checkedAt: number;
}

/**
 * Cached credential checks (a session key or an API token → its web user), so that a request
 * does not cost Tryton a check, with revocations that hold at once on every replica.
 *
 * An API token is revoked by its id, from which the cache key (a hash of the secret) cannot be
 * computed. So a revocation writes its time into one marker per customer, and an entry is
 * trusted only if its check started after the customer's last revocation: one write, no key
 * scan, and every cached check of that customer is asked of Tryton again, once, while the
 * customer's cached data stays warm. Only valid credentials are cached.
 *
 * A forget (logout) or a revocation must hold through a store outage: a `del` lost while Redis
 * is unreachable would let the cached check come back with Redis. So each one is also kept in
 * this replica's memory for as long as the entries it distrusts can live (this replica never
 * trusts them, even from a store that missed the write), and a write that may not have
 * reached the store (`CacheStore.unanswered` moved) is replayed, before this replica's next
 * check and every second, until the store takes it. docs/quotas.md says what is left to
 * other replicas.
 */
export class CredentialCache {
  private readonly inFlight = new Map<string, Promise<Entry<unknown> | null>>();
  /** Cache key → when it was forgotten here; kept while an entry checked before can live. */
  private readonly forgotten = new Map<string, { at: number; until: number }>();
  /** Customer → when its checks were revoked here; kept as long as the shared marker. */
  private readonly revokedHere = new Map<number, { at: number; until: number }>();
  /** Writes that may not have reached the store, by what they do: replayed until they do. */
  private readonly unsent = new Map<string, { write: () => Promise<void>; until: number }>();
  private replayTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: CacheStore,
    private readonly ttls: Pick<CacheTtls, CredentialKind>,
    private readonly events: CacheEvents,
    private readonly clock: () => number = Date.now,
    /**
     * Clock difference tolerated between replicas: a check that started less than this after
     * a revocation (by another replica's clock) is not trusted.
     */
    private readonly skewMs = 1000,
    private readonly prefix = 'portal:v1',
  ) {}

  private key(kind: CredentialKind, secret: string): string {
    return `${this.prefix}:${kind}:${createHash('sha256').update(secret).digest('base64url')}`;
  }

  private revokedKey(customerId: number): string {
    return `${this.prefix}:revoked:c${customerId}`;
  }

  /** The web user behind `secret` (null: not valid), from the cache when it can be trusted. */
  async check<T>(
    kind: CredentialKind,
    secret: string,
    load: () => Promise<T | null>,
    customerOf: (value: T) => number,
  ): Promise<T | null> {
    if (this.ttls[kind] <= 0) return await load();
    if (this.unsent.size) await this.replay();
    const key = this.key(kind, secret);
    const [cached] = await this.store.mget([key]);
    const hit = cached && (await this.trusted(kind, key, decode(cached) as Entry<T>, customerOf));
    if (hit) {
      this.events.hit(1);
      this.events.avoided(1);
      return hit.value;
    }
    this.events.miss(1);
    const pending = this.inFlight.get(key) as Promise<Entry<T> | null> | undefined;
    if (pending) {
      // A check in flight may have started before a revocation: it is trusted like an entry.
      const joined = await pending;
      const trusted = joined && (await this.trusted(kind, key, joined, customerOf));
      if (!joined || trusted) {
        this.events.avoided(1);
        return trusted ? trusted.value : null;
      }
    }
    return (await this.fetch(kind, key, load))?.value ?? null;
  }

  /** Forgets one credential's check (logout). */
  async forget(kind: CredentialKind, secret: string): Promise<void> {
    const key = this.key(kind, secret);
    const at = this.clock();
    const until = at + this.ttls[kind] * 1000 + this.skewMs;
    remember(this.forgotten, key, { at, until }, at);
    await this.write(`forget:${key}`, until, () => this.store.del([key]));
  }

  /** Distrusts every check of `customerId` made until now, on every replica sharing the store. */
  async revoke(customerId: number): Promise<void> {
    const ttl = Math.max(this.ttls.sessions, this.ttls['api-tokens']);
    if (ttl <= 0) return;
    const at = this.clock();
    // The marker outlives every entry checked before it: their life counts from their check.
    const markerTtl = ttl + Math.ceil(this.skewMs / 1000) + 1;
    remember(this.revokedHere, customerId, { at, until: at + markerTtl * 1000 }, at);
    await this.write(`revoke:${customerId}`, at + markerTtl * 1000, () =>
      this.store.mset([{ key: this.revokedKey(customerId), value: String(at) }], markerTtl),
    );
  }

  /** Writes, and keeps the write for replay if the store may have missed it. */
  private async write(id: string, until: number, write: () => Promise<void>): Promise<void> {
    const before = this.store.unanswered;
    await write();
    if (before === undefined || this.store.unanswered === before) return;
    this.unsent.set(id, { write, until });
    this.replayTimer ??= setInterval(() => void this.replay(), 1000).unref();
  }

  /** Sends again what the store may have missed; what it takes, or what expired, is dropped. */
  private async replay(): Promise<void> {
    for (const [id, { write, until }] of [...this.unsent]) {
      const before = this.store.unanswered;
      if (this.clock() < until) await write();
      if (this.store.unanswered === before && this.unsent.get(id)?.write === write)
        this.unsent.delete(id);
    }
    if (!this.unsent.size && this.replayTimer) {
      clearInterval(this.replayTimer);
      this.replayTimer = undefined;
    }
  }

  /**
   * The stored entry, if it may serve: read in one round trip with its customer's revocation
   * marker, so a store that fails answers neither and a revocation is never missed.
   */
  private async trusted<T>(
    kind: CredentialKind,
    key: string,
    seen: Entry<T>,
    customerOf: (value: T) => number,
  ): Promise<Entry<T> | null> {
    const [raw, revokedAt] = await this.store.mget([key, this.revokedKey(customerOf(seen.value))]);
    if (!raw) return null;
    const entry = decode(raw) as Entry<T>;
    const fresh = this.clock() < entry.checkedAt + this.ttls[kind] * 1000;
    const notRevoked = !revokedAt || entry.checkedAt > Number(revokedAt) + this.skewMs;
    // What this replica forgot or revoked holds even if the store missed it.
    const now = this.clock();
    const forgotten = live(this.forgotten.get(key), now);
    const revokedHere = live(this.revokedHere.get(customerOf(entry.value)), now);
    const notForgotten = !forgotten || entry.checkedAt > forgotten.at;
    const notRevokedHere = !revokedHere || entry.checkedAt > revokedHere.at;
    return fresh && notRevoked && notForgotten && notRevokedHere ? entry : null;
  }

  /** Asks Tryton once for concurrent misses; caches a valid credential with its check time. */
  private fetch<T>(
    kind: CredentialKind,
    key: string,
    load: () => Promise<T | null>,
  ): Promise<Entry<T> | null> {
    const checkedAt = this.clock();
    const loading: Promise<Entry<T> | null> = load()
      .then(async (value) => {
        if (value === null) return null;
        const entry = { value, checkedAt };
        await this.store.mset([{ key, value: encode(entry) }], this.ttls[kind]);
        return entry;
      })
      .finally(() => {
        if (this.inFlight.get(key) === loading) this.inFlight.delete(key);
      });
    this.inFlight.set(key, loading);
    return loading;
  }
}

/** A local mark, dropped once expired (pruned as marks are added: they stay few). */
function remember<K>(
  marks: Map<K, { at: number; until: number }>,
  key: K,
  mark: { at: number; until: number },
  now: number,
): void {
  for (const [old, { until }] of marks) if (until <= now) marks.delete(old);
  marks.set(key, mark);
}

function live(mark: { at: number; until: number } | undefined, now: number) {
  return mark && mark.until > now ? mark : undefined;
}
