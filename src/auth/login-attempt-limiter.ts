import { isIPv4, isIPv6 } from 'node:net';
import { DomainError } from '../common/errors/domain-error';

export interface LoginAttempt {
  /** The credentials were right: this attempt is not a failure, and the account starts afresh from this address. */
  succeeded(): void;
}

export interface LoginLimits {
  /** Failures of one username from one address allowed within the window before any wait. */
  perAccount: number;
  /** Failures from one address, whatever the usernames, allowed within the window (password spraying). */
  perAddress: number;
  windowMs: number;
  /** The wait after the `perAccount`-th failure; each further failure doubles it … */
  firstDelayMs: number;
  /** … up to this. */
  maxDelayMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 10,
  perAddress: 100,
  windowMs: 15 * 60_000,
  firstDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
};

/** Failures of one key kept at most: beyond `perAccount` + 8 the delay is long at its cap. */
const EXTRA_KEPT = 8;

/**
 * Failed logins in a sliding window, counted per (username, client address) and per client address.
 *
 * - Per (username, address): `perAccount` failures within `windowMs` pass; after that each attempt
 *   waits `firstDelayMs` after the latest failure, doubled for every failure beyond `perAccount`,
 *   up to `maxDelayMs` — and never longer than until the window holds fewer than `perAccount`
 *   failures again, so that at least `perAccount` failures within the window are always allowed.
 * - Per address: `perAddress` failures within the window, whatever the usernames; the next attempt
 *   waits until the oldest of them leaves the window.
 *
 * Nothing counts per username alone: failures from one address never refuse the right password
 * from another (nobody can lock an account, `admin` included, from outside). Behind a reverse
 * proxy the client address is the proxy's unless TRUST_PROXY says which hops to believe. IPv6
 * addresses count per /64, the block one subscriber gets.
 *
 * A refused attempt (429) is not a failure: it never reached the password. An attempt counts as a
 * failure from the moment it starts (and is forgiven if it succeeds), so that concurrent guesses,
 * each waiting for bcrypt, cannot slip past the limit together.
 *
 * In memory, per process: exact for the single SQLite instance. With several PostgreSQL instances
 * each keeps its own count, so the effective limits are multiplied by the instances.
 */
export class LoginAttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = () => Date.now(),
    /** Bounds memory when someone sprays usernames: the stalest keys go first. */
    private readonly maxKeys = 100_000,
  ) {}

  begin(username: string, clientAddress: string): LoginAttempt {
    const address = addressBlock(clientAddress);
    const accountKey = `u\u0000${address}\u0000${username.toLowerCase()}`;
    const addressKey = `a\u0000${address}`;
    const now = this.now();
    const retryAt = Math.max(this.accountRetryAt(this.recent(accountKey, now)), this.addressRetryAt(this.recent(addressKey, now)));
    if (retryAt > now) throw tooManyAttempts(Math.max(1, Math.ceil((retryAt - now) / 1000)));
    this.push(accountKey, now, this.limits.perAccount + EXTRA_KEPT);
    this.push(addressKey, now, this.limits.perAddress);
    return {
      succeeded: () => {
        this.failures.delete(accountKey);
        this.forget(addressKey, now);
      },
    };
  }

  /** When the next attempt of this (username, address) may be made; 0 when it may now. */
  private accountRetryAt(recent: number[]): number {
    const { perAccount, windowMs, firstDelayMs, maxDelayMs } = this.limits;
    if (recent.length < perAccount) return 0;
    const beyond = recent.length - perAccount;
    const delay = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(beyond, 30));
    const windowAllows = recent[recent.length - perAccount] + windowMs;
    return Math.min(recent[recent.length - 1] + delay, windowAllows);
  }

  private addressRetryAt(recent: number[]): number {
    const { perAddress, windowMs } = this.limits;
    return recent.length < perAddress ? 0 : recent[recent.length - perAddress] + windowMs;
  }

  private recent(key: string, now: number): number[] {
    const list = this.failures.get(key);
    if (!list) return [];
    const fresh = list.filter((t) => t > now - this.limits.windowMs);
    if (fresh.length === 0) this.failures.delete(key);
    else if (fresh.length !== list.length) this.failures.set(key, fresh);
    return fresh;
  }

  private push(key: string, now: number, kept: number): void {
    const list = this.failures.get(key) ?? [];
    list.push(now);
    if (list.length > kept) list.splice(0, list.length - kept);
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

function tooManyAttempts(retryAfterSeconds: number): DomainError {
  const wait = retryAfterSeconds < 60 ? `${retryAfterSeconds} 秒` : `${Math.ceil(retryAfterSeconds / 60)} 分钟`;
  return new DomainError(429, 'TOO_MANY_ATTEMPTS', `登录失败次数过多，请 ${wait}后再试。`, { retryAfterSeconds });
}

/**
 * The address a failure is counted against: IPv4 as it is (also when written as `::ffff:a.b.c.d`),
 * IPv6 as its /64 network.
 */
export function addressBlock(address: string): string {
  const plain = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(plain)) return address || 'unknown';
  const [head, tail = ''] = plain.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = plain.includes('::') ? (tail ? tail.split(':') : []) : [];
  // An embedded IPv4 tail (a.b.c.d) is two groups; it lies outside the first four anyway.
  const width = (groups: string[]) => groups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const zeros = plain.includes('::') ? Array<string>(8 - width(headGroups) - width(tailGroups)).fill('0') : [];
  const groups = [...headGroups, ...zeros, ...tailGroups];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
