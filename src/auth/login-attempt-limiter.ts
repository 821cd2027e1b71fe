import { DomainError } from '../common/errors/domain-error';

export interface LoginAttempt {
  /** The credentials were right: this attempt is not a failure, and the username starts afresh. */
  succeeded(): void;
}

/**
 * Failed logins, per username and per client address, in a sliding window: `limit` failures
 * within `windowMs` are allowed, the next attempt is refused (429 TOO_MANY_ATTEMPTS) until the
 * oldest failure leaves the window — even with the right password, or guessing would go on.
 *
 * An attempt counts as a failure from the moment it starts (and is forgiven if it succeeds), so
 * that concurrent guesses, each waiting for bcrypt, cannot slip past the limit together.
 *
 * In memory, per process: exact for the single SQLite instance. With several PostgreSQL
 * instances each keeps its own count, so the effective limit is `limit` × instances; a shared
 * store (a table keyed by username/address) would make it exact.
 */
export class LoginAttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit = 10,
    readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
    /** Bounds memory when someone sprays usernames: the stalest keys go first. */
    private readonly maxKeys = 100_000,
  ) {}

  begin(username: string, address: string): LoginAttempt {
    const keys = [`user:${username}`, `addr:${address}`];
    const now = this.now();
    let retryAt = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.limit) retryAt = Math.max(retryAt, recent[recent.length - this.limit] + this.windowMs);
    }
    if (retryAt > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
      throw new DomainError(
        429,
        'TOO_MANY_ATTEMPTS',
        `Too many failed logins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds },
      );
    }
    for (const key of keys) this.push(key, now);
    return {
      succeeded: () => {
        this.failures.delete(keys[0]);
        this.forget(keys[1], now);
      },
    };
  }

  private recent(key: string, now: number): number[] {
    const list = this.failures.get(key);
    if (!list) return [];
    const fresh = list.filter((t) => t > now - this.windowMs);
    if (fresh.length === 0) this.failures.delete(key);
    else if (fresh.length !== list.length) this.failures.set(key, fresh);
    return fresh;
  }

  private push(key: string, now: number): void {
    const list = this.failures.get(key) ?? [];
    list.push(now);
    // Only the latest `limit` failures can ever matter.
    if (list.length > this.limit) list.splice(0, list.length - this.limit);
    this.failures.delete(key); // re-inserted last: Map order is then least recently failed first
    this.failures.set(key, list);
    if (this.failures.size > this.maxKeys) this.evict(now);
  }

  private forget(key: string, at: number): void {
    const list = this.failures.get(key);
    const i = list?.lastIndexOf(at) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
    if (list?.length === 0) this.failures.delete(key);
  }

  private evict(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}
