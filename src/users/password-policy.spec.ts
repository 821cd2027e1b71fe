import { COMMON_PASSWORDS } from './common-passwords';
import { passwordRulesBroken } from './password-policy';

describe('the password rule', () => {
  it.each([
    ['aaaaaaaaaa', ['fewKinds', 'common']],
    [' '.repeat(10), ['fewKinds']],
    ['1234567890', ['fewKinds', 'common']],
    ['Short-1', ['tooShort']],
    ['abcdefghij-xyz', ['fewKinds']],
    ['长'.repeat(25) + 'Ab1', ['tooLong']],
    ['Woaini1314', ['common']],
    ['WOAINI1314', ['fewKinds', 'common']],
    ['Qwe123!@#qwe', ['common']],
    ['Aa123456', ['tooShort', 'common']],
    ['P@ssw0rd', ['tooShort', 'common']],
    ['qwe123!@#', ['tooShort', 'common']],
    ['P@ssw0rd123', ['common']],
    ['Huawei@123', ['common']],
  ])('refuses %p: %p', (password, rules) => {
    expect(passwordRulesBroken(password)).toEqual(rules);
  });

  it('refuses the username inside, in any case', () => {
    expect(passwordRulesBroken('My-ZhangSan-2026', 'zhangsan')).toEqual(['containsUsername']);
    expect(passwordRulesBroken('My-ZhangSan-2026', 'lisi')).toEqual([]);
  });

  it.each(['Spring-Rain-2026', 'zhengfuban#2026', '区政府办公室-Office1', 'correct horse Battery'])('accepts %p', (password) => {
    expect(passwordRulesBroken(password, 'zfb')).toEqual([]);
  });

  it('ships a few hundred common passwords, the usual Chinese ones among them, in lowercase', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(300);
    for (const p of ['woaini1314', 'aa123456', 'p@ssw0rd', 'qwe123!@#', '5201314', '1qaz2wsx', 'huawei@123']) expect(COMMON_PASSWORDS.has(p)).toBe(true);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
  });
});
