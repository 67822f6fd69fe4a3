/** A logged-in Tryton session; the key never leaves the client. */
export interface Session {
  login: string;
  userId: number;
  key: string;
}

/** The client's own session: calls that forward no address. */
export const OWN = '';

/**
 * The sessions of one client by the address Tryton sees: `OWN`, and, where Tryton binds a
 * session to its address (8.0), one per forwarded client address. Those are bounded, least
 * recently used first out, so a stream of new addresses cannot grow the map; the own session
 * is never evicted. Opening is single-flight per address: concurrent callers share one login.
 */
export class Sessions {
  private readonly byAddress = new Map<string, Session>();
  private readonly opening = new Map<string, Promise<void>>();

  constructor(
    /** Forwarded-address sessions kept at most. */
    readonly limit: number,
  ) {}

  /** The session for `address`, marked as just used. */
  get(address: string): Session | undefined {
    const session = this.byAddress.get(address);
    if (session && address !== OWN) {
      this.byAddress.delete(address);
      this.byAddress.set(address, session);
    }
    return session;
  }

  /** Stores a session; returns the ones evicted to stay within `limit`, for logging out. */
  set(address: string, session: Session): [string, Session][] {
    this.byAddress.delete(address);
    this.byAddress.set(address, session);
    const evicted: [string, Session][] = [];
    for (const [oldest, old] of this.byAddress) {
      if (this.byAddress.size - (this.byAddress.has(OWN) ? 1 : 0) <= this.limit) break;
      if (oldest === OWN) continue;
      this.byAddress.delete(oldest);
      evicted.push([oldest, old]);
    }
    return evicted;
  }

  /** Runs `open` for `address` unless an opening for it is under way; then waits for that one. */
  async open(address: string, open: () => Promise<void>): Promise<void> {
    let pending = this.opening.get(address);
    if (!pending) {
      pending = Promise.resolve()
        .then(open)
        .finally(() => this.opening.delete(address));
      this.opening.set(address, pending);
    }
    await pending;
  }

  /** Forgets every session and returns them. */
  clear(): [string, Session][] {
    const all = [...this.byAddress];
    this.byAddress.clear();
    return all;
  }
}
