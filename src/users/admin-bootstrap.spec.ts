import { generatedPassword } from './admin-bootstrap';
import { passwordRulesBroken } from './password-policy';

describe('the generated first-administrator password', () => {
  it('always passes the password rule (about one random base64url draw in sixty has neither a digit nor - or _)', () => {
    const drawn = Array.from({ length: 2000 }, () => generatedPassword('admin'));
    expect(drawn.filter((p) => passwordRulesBroken(p, 'admin').length > 0)).toEqual([]);
    expect(new Set(drawn.map((p) => p.length))).toEqual(new Set([20]));
    expect(new Set(drawn).size).toBe(2000);
  });
});
