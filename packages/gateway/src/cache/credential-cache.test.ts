import { describe, expect, it } from 'vitest';
import { CredentialCache } from './credential-cache.js';
import { type CacheStore, MemoryStore } from './store.js';

const quiet = { hit: () => {}, miss: () => {}, avoided: () => {} };
const marie = { id: 12, name: 'Marie' };

/** A credential cache on a memory store, a clock the test moves, and Tryton's answers counted. */
function setup(ttls = { sessions: 30, 'api-tokens': 30 }, wrap = (store: CacheStore) => store) {
  const time = { now: 1_000_000 };
  const clock = () => time.now;
  const cache = new CredentialCache(wrap(new MemoryStore(100, clock)), ttls, quiet, clock, 1000);
  const tryton = { calls: 0, user: marie as typeof marie | null };
  const check = (secret = 'tpat_a') =>
    cache.check(
      'api-tokens',
      secret,
      async () => {
        tryton.calls++;
        return tryton.user;
      },
      (user) => user.id,
    );
  return { cache, time, tryton, check };
}

describe('CredentialCache', () => {
  it('caches a valid credential, never an invalid one, and not at all with a TTL of 0', async () => {
    const { tryton, check } = setup();
    expect(await check()).toEqual(marie);
    expect(await check()).toEqual(marie);
    expect(tryton.calls).toBe(1);
    tryton.user = null;
    expect(await check('tpat_forged')).toBeNull();
    expect(await check('tpat_forged')).toBeNull();
    expect(tryton.calls).toBe(3);

    const off = setup({ sessions: 0, 'api-tokens': 0 });
    await off.check();
    await off.check();
    expect(off.tryton.calls).toBe(2);
  });

  it('distrusts every check of the customer made before a revocation, and only those', async () => {
    const { cache, time, tryton, check } = setup();
    await check('tpat_a');
    await check('tpat_b');
    time.now += 5000;
    await cache.revoke(marie.id);
    tryton.user = null;
    expect(await check('tpat_a')).toBeNull();
    expect(tryton.calls).toBe(3);
    // Checked again after the revocation (beyond the tolerated skew): trusted again.
    tryton.user = marie;
    time.now += 2000;
    expect(await check('tpat_b')).toEqual(marie);
    expect(await check('tpat_b')).toEqual(marie);
    expect(tryton.calls).toBe(4);
  });

  it('does not trust a check that was in flight when the revocation happened', async () => {
    const { cache, time } = setup();
    let calls = 0;
    let answer: (user: typeof marie | null) => void = () => {};
    const slow = () =>
      cache.check(
        'api-tokens',
        'tpat_a',
        () => {
          calls++;
          return new Promise<typeof marie | null>((resolve) => {
            answer = resolve;
          });
        },
        (user) => user.id,
      );
    const first = slow();
    const joined = slow();
    time.now += 5000;
    await cache.revoke(marie.id);
    // Tryton answered before it saw the revocation: right for the request concurrent with it,
    // not for the one that joined it, which asks again.
    answer(marie);
    expect(await first).toEqual(marie);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(2);
    answer(null);
    expect(await joined).toBeNull();
  });

  it('counts an entry’s life from its check, so the marker need only outlive the TTL', async () => {
    const { time, tryton, check } = setup();
    await check();
    time.now += 29_000;
    await check();
    expect(tryton.calls).toBe(1);
    time.now += 1000;
    await check();
    expect(tryton.calls).toBe(2);
  });

  it('fails closed: an entry read without its marker is not trusted', async () => {
    let failing = false;
    const { tryton, check } = setup(undefined, (store) => ({
      mget: async (keys) => (failing && keys.length > 1 ? keys.map(() => null) : store.mget(keys)),
      mset: (entries, ttl) => store.mset(entries, ttl),
      del: (keys) => store.del(keys),
    }));
    await check();
    failing = true;
    await check();
    expect(tryton.calls).toBe(2);
  });

  it('forgets one credential (logout)', async () => {
    const { cache, tryton, check } = setup();
    await check('tpat_a');
    await check('tpat_b');
    await cache.forget('api-tokens', 'tpat_a');
    await check('tpat_a');
    await check('tpat_b');
    expect(tryton.calls).toBe(3);
  });

  describe('when writes to the store are lost (an outage, or this replica cut off)', () => {
    /** Two replicas on one store; replica A's writes can be lost, as a breaker skips them. */
    function replicas() {
      const time = { now: 1_000_000 };
      const clock = () => time.now;
      const shared = new MemoryStore(100, clock);
      const lossy = { losing: false, unanswered: 0 };
      const storeOfA: CacheStore = {
        mget: (keys) => shared.mget(keys),
        mset: async (entries, ttl) => {
          if (lossy.losing) lossy.unanswered++;
          else await shared.mset(entries, ttl);
        },
        del: async (keys) => {
          if (lossy.losing) lossy.unanswered++;
          else await shared.del(keys);
        },
        get unanswered() {
          return lossy.unanswered;
        },
      };
      const ttls = { sessions: 30, 'api-tokens': 30 };
      const a = new CredentialCache(storeOfA, ttls, quiet, clock, 1000);
      const b = new CredentialCache(shared, ttls, quiet, clock, 1000);
      const tryton = { calls: 0, user: marie as typeof marie | null };
      const check = (cache: CredentialCache, secret = 'session-a') =>
        cache.check(
          'sessions',
          secret,
          async () => {
            tryton.calls++;
            return tryton.user;
          },
          (user) => user.id,
        );
      return { a, b, lossy, time, tryton, check };
    }

    it('a logout holds on its replica, and on the others once the store takes it', async () => {
      const { a, b, lossy, time, tryton, check } = replicas();
      await check(a);
      lossy.losing = true;
      await a.forget('sessions', 'session-a');
      tryton.user = null;
      time.now += 1000;
      // The entry is still in the store: replica A does not trust it.
      expect(await check(a)).toBeNull();
      expect(tryton.calls).toBe(2);
      lossy.losing = false;
      // A's next check sends the lost delete first: B no longer finds the entry.
      expect(await check(a)).toBeNull();
      expect(await check(b)).toBeNull();
      expect(tryton.calls).toBe(4);
    });

    it('a revocation holds the same way, with the time it was made', async () => {
      const { a, b, lossy, time, tryton, check } = replicas();
      await check(a, 'session-a');
      time.now += 5000;
      lossy.losing = true;
      await a.revoke(marie.id);
      tryton.user = null;
      expect(await check(a, 'session-a')).toBeNull();
      lossy.losing = false;
      time.now += 5000;
      expect(await check(a, 'session-other')).toBeNull();
      expect(await check(b, 'session-a')).toBeNull();
      // A check made after the revocation is trusted again, here and there.
      tryton.user = marie;
      time.now += 2000;
      expect(await check(b, 'session-new')).toEqual(marie);
      const calls = tryton.calls;
      expect(await check(a, 'session-new')).toEqual(marie);
      expect(tryton.calls).toBe(calls);
    });
  });
});
