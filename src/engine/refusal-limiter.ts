import { DomainError } from '../common/errors/domain-error';

/** Refused attempts a user may make per minute before 429 (REFUSALS_PER_MINUTE). */
export const DEFAULT_REFUSALS_PER_MINUTE = 30;

/**
 * Refused attempts (the 422s that store a violation attempt) per user, in a sliding window of a
 * minute: `limit` of them are allowed; past that, every request of the user on a route that can
 * store a refusal is answered 429 TOO_MANY_REFUSALS, with `retryAfterSeconds`, and stores nothing.
 * A 429 counts in the window too, so a client that keeps hammering keeps it closed; one that waits
 * the Retry-After gets a request through (and is closed again if that one is refused too).
 *
 * Two checks: `check` when such a request comes in (before anything is read), and `take` when a
 * refusal is about to be stored. JavaScript runs `take` and the insert it guards without another
 * request in between, so concurrent requests cannot store more than `limit` refusals together.
 *
 * In memory, per process: exact for the single SQLite instance. With several PostgreSQL instances
 * each keeps its own count, so a user may store `limit` × instances refusals a minute; a shared
 * store (a table keyed by user) would make it exact. Memory: at most `limit` timestamps per user
 * who was refused within the minute.
 */
export class RefusalLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit = DEFAULT_REFUSALS_PER_MINUTE,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  /** Throws the 429 (and counts it) when the user's window is full; otherwise counts nothing. */
  check(userId: string): void {
    const now = this.now();
    if (this.recent(userId, now).length >= this.limit) this.refuse(userId, now);
  }

  /** Counts a refusal about to be stored; when the window is already full, throws the 429 (counted) instead. */
  take(userId: string): void {
    const now = this.now();
    if (this.recent(userId, now).length >= this.limit) this.refuse(userId, now);
    this.push(userId, now);
  }

  private refuse(userId: string, now: number): never {
    const list = this.push(userId, now);
    // The window opens again when fewer than `limit` hits are left in it: when the oldest that counts leaves.
    const retryAfterSeconds = Math.max(1, Math.ceil((list[list.length - this.limit] + this.windowMs - now) / 1000));
    throw new DomainError(429, 'TOO_MANY_REFUSALS', `一分钟内被拒绝的办理请求已达 ${this.limit} 次，请 ${retryAfterSeconds} 秒后再试`, {
      retryAfterSeconds,
      limit: this.limit,
    });
  }

  private recent(key: string, now: number): number[] {
    const list = this.hits.get(key);
    if (!list) return [];
    const fresh = list.filter((t) => t > now - this.windowMs);
    if (fresh.length === 0) this.hits.delete(key);
    else if (fresh.length !== list.length) this.hits.set(key, fresh);
    return fresh;
  }

  private push(key: string, now: number): number[] {
    const list = this.hits.get(key) ?? [];
    list.push(now);
    // Only the latest `limit` hits can ever matter.
    if (list.length > this.limit) list.splice(0, list.length - this.limit);
    this.hits.delete(key); // re-inserted last: Map order is then least recently hit first
    this.hits.set(key, list);
    if (this.hits.size > this.maxKeys) this.evict(now);
    return list;
  }

  private evict(now: number): void {
    for (const key of [...this.hits.keys()]) this.recent(key, now);
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
