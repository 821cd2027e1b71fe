import { DomainError } from '../common/errors/domain-error';
import { addressBlock, LoginAttemptLimiter } from './login-attempt-limiter';

const MIN = 60_000;

describe('LoginAttemptLimiter', () => {
  let now: number;
  let limiter: LoginAttemptLimiter;
  beforeEach(() => {
    now = Date.UTC(2026, 2, 2, 9, 0, 0);
    limiter = new LoginAttemptLimiter(undefined, () => now);
  });

  /** A failed attempt: begun, never succeeded. */
  const fail = (username = 'admin', address = '10.0.0.1') => limiter.begin(username, address);
  /** The seconds to wait, or 0 when the attempt is admitted (and then counted as a failure). */
  const waitOf = (username = 'admin', address = '10.0.0.1'): number => {
    try {
      fail(username, address);
      return 0;
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('TOO_MANY_ATTEMPTS');
      return (err as DomainError).extra.retryAfterSeconds as number;
    }
  };

  it('admits 10 failures of one username from one address, then waits 1, 2, 4, 8 minutes after the latest failure, doubling per further failure', () => {
    for (let i = 0; i < 10; i++) expect(waitOf()).toBe(0);
    expect(waitOf()).toBe(60);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      now += waitOf() * 1000;
      expect(waitOf()).toBe(0); // the attempt after the wait is admitted, and fails
      waits.push(waitOf());
    }
    expect(waits).toEqual([120, 240, 480]);
    // Fifteen minutes after the first ten failures they have left the window: the contract allows
    // at least 10 failures within 15 minutes, so the next attempts are admitted again.
    now += 480 * 1000;
    expect(waitOf()).toBe(0);
    expect(waitOf()).toBe(0);
  });

  it('caps the wait at 15 minutes', () => {
    const limiter15 = new LoginAttemptLimiter({ perAccount: 2, perAddress: 1000, windowMs: 60 * MIN, firstDelayMs: MIN, maxDelayMs: 15 * MIN }, () => now);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      try {
        limiter15.begin('admin', '10.0.0.1');
      } catch (err) {
        const wait = (err as DomainError).extra.retryAfterSeconds as number;
        waits.push(wait);
        now += wait * 1000;
        limiter15.begin('admin', '10.0.0.1');
      }
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it('never refuses one address for the failures of another, nor one username for another’s', () => {
    for (let i = 0; i < 10; i++) fail('admin', '10.0.0.1');
    expect(waitOf('admin', '10.0.0.1')).toBe(60);
    expect(waitOf('admin', '10.0.0.2')).toBe(0);
    expect(waitOf('zfb', '10.0.0.1')).toBe(0);
  });

  it('forgives a success: the username starts afresh from that address', () => {
    for (let i = 0; i < 9; i++) fail();
    limiter.begin('admin', '10.0.0.1').succeeded();
    for (let i = 0; i < 10; i++) expect(waitOf()).toBe(0);
    expect(waitOf()).toBe(60);
  });

  it('takes usernames in any case', () => {
    for (let i = 0; i < 10; i++) fail('Admin');
    expect(waitOf('ADMIN')).toBe(60);
  });

  it('admits 100 failures from one address across usernames, then refuses every username there until the oldest leaves the window', () => {
    for (let i = 0; i < 100; i++) {
      expect(waitOf(`guess${i}`)).toBe(0);
      now += 1000;
    }
    expect(waitOf('someone-else')).toBe(15 * 60 - 100);
    expect(waitOf('admin', '10.0.0.2')).toBe(0);
    now += (15 * 60 - 100) * 1000 + 1;
    expect(waitOf('someone-else')).toBe(0);
  });

  it('counts an IPv6 client per /64, and an IPv4-mapped address as IPv4', () => {
    expect(addressBlock('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBlock('::1')).toBe('0:0:0:0::/64');
    expect(addressBlock('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressBlock('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressBlock('192.0.2.7')).toBe('192.0.2.7');
    expect(addressBlock('')).toBe('unknown');
    for (let i = 0; i < 10; i++) fail('admin', `2001:db8:1:2::${i + 1}`);
    expect(waitOf('admin', '2001:db8:1:2::99')).toBe(60);
    expect(waitOf('admin', '2001:db8:1:3::1')).toBe(0);
  });
});
