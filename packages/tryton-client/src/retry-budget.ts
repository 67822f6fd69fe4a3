/**
 * How many retries a client may send, as a share of its first tries: a token bucket, as in
 * gRPC's retry throttling and Finagle's retry budgets. Every first try deposits `ratio` of a
 * token (up to `reserve` tokens), every retry takes one whole token. When Tryton fails every
 * call, the calls it sees therefore grow by `ratio` (10 % by default) plus the `reserve`, and
 * never by the number of attempts: retries smooth over a dropped connection, they do not
 * multiply the load on a server that is already failing.
 */
export class RetryBudget {
  private tokens: number;

  constructor(
    readonly ratio = 0.1,
    readonly reserve = 10,
  ) {
    if (!(ratio >= 0)) throw new RangeError('retry.budget must not be negative');
    if (!(reserve >= 0)) throw new RangeError('retry.reserve must not be negative');
    this.tokens = reserve;
  }

  /** A first try was sent. */
  deposit(): void {
    this.tokens = Math.min(this.reserve, this.tokens + this.ratio);
  }

  /** True, and one token fewer, if a retry may be sent now. */
  withdraw(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
