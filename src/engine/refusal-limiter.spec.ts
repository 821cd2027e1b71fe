import { DomainError } from '../common/errors/domain-error';
import { RefusalLimiter } from './refusal-limiter';

describe('RefusalLimiter: refused attempts per user and minute', () => {
  let now: number;
  const limiter = (limit = 3) => new RefusalLimiter(limit, 60_000, () => now);
  const refusedBy = (fn: () => void): DomainError | undefined => {
    try {
      fn();
      return undefined;
    } catch (err) {
      return err as DomainError;
    }
  };

  beforeEach(() => (now = 1_000_000));

  it('allows `limit` refusals a minute, then answers 429 TOO_MANY_REFUSALS with the seconds to wait', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) {
      expect(refusedBy(() => l.check('u1'))).toBeUndefined();
      l.take('u1');
      now += 10_000;
    }
    // Refusals at 0, 10 and 20 s; at 30 s the 429 is itself a hit, so the window is 10, 20, 30 s: open again at 70 s.
    const err = refusedBy(() => l.check('u1'));
    expect(err).toMatchObject({ status: 429, code: 'TOO_MANY_REFUSALS', extra: { retryAfterSeconds: 40, limit: 3 } });
    expect(err?.detail).toMatch(/3 次/);
    // take() refuses past the limit as well, whatever check() said before (concurrent requests).
    expect(refusedBy(() => l.take('u1'))).toMatchObject({ status: 429 });
  });

  it('counts per user: another user is not held back', () => {
    const l = limiter(1);
    l.take('u1');
    expect(refusedBy(() => l.check('u1'))).toBeDefined();
    expect(refusedBy(() => l.check('u2'))).toBeUndefined();
  });

  it('counts every 429 in the window: hammering keeps it closed, waiting the Retry-After opens it', () => {
    const l = limiter(3);
    for (let i = 0; i < 3; i++) l.take('u1');
    // One request every 5 seconds for five minutes: each 429 is a hit, so the window never empties.
    for (let t = 0; t < 300_000; t += 5_000) {
      now += 5_000;
      expect(refusedBy(() => l.check('u1'))).toMatchObject({ status: 429 });
    }
    const wait = (refusedBy(() => l.check('u1'))?.extra.retryAfterSeconds as number) * 1000;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    now += wait;
    expect(refusedBy(() => l.check('u1'))).toBeUndefined();
  });

  it('forgets a user whose refusals left the window, and keeps at most `limit` timestamps per user', () => {
    const l = limiter(2);
    for (let i = 0; i < 1000; i++) refusedBy(() => l.take('u1'));
    const hits = (l as unknown as { hits: Map<string, number[]> }).hits;
    expect(hits.get('u1')?.length).toBe(2);
    now += 60_001;
    expect(refusedBy(() => l.check('u1'))).toBeUndefined();
    expect(hits.has('u1')).toBe(false);
  });
});
