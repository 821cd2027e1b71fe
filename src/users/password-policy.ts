import { truncates } from 'bcryptjs';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { COMMON_PASSWORDS } from './common-passwords';

/**
 * The password rule of every account, wherever a password is set: `POST /users`, an administrator's
 * reset, the user's own change, and `ADMIN_PASSWORD` at start.
 *
 * 等保 2.0 level 3 (GB/T 22239-2019, 8.1.4.1 a: 身份鉴别信息具有复杂度要求) is assessed as at least 8
 * characters from three of the four kinds; the service keeps its own stricter minimum of 10. Besides: not the
 * username inside it (in any case), not one of the common passwords (`common-passwords.ts`, in any
 * case), and at most 72 bytes, all of which bcrypt reads (a longer one would share its hash).
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_KINDS_REQUIRED = 3;

export type PasswordRule = 'tooShort' | 'tooLong' | 'fewKinds' | 'containsUsername' | 'common';

/** What a user is told, per rule broken. */
export const PASSWORD_RULE_MESSAGES: Readonly<Record<PasswordRule, string>> = {
  tooShort: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
  tooLong: '密码不能超过 72 个字节（UTF-8 编码，约 24 个汉字）',
  fewKinds: '密码须包含小写字母、大写字母、数字、其他符号这四类中的至少三类',
  containsUsername: '密码不能包含用户名',
  common: '这个密码过于常见，很容易被猜中，请换一个',
};

const KINDS = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** The rules `password` breaks, in the order above; empty when it is acceptable. */
export function passwordRulesBroken(password: string, username?: string): PasswordRule[] {
  const broken: PasswordRule[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) broken.push('tooShort');
  if (truncates(password)) broken.push('tooLong');
  if (KINDS.filter((kind) => kind.test(password)).length < PASSWORD_KINDS_REQUIRED) broken.push('fewKinds');
  if (username && password.toLowerCase().includes(username.toLowerCase())) broken.push('containsUsername');
  if (COMMON_PASSWORDS.has(password.toLowerCase())) broken.push('common');
  return broken;
}

/**
 * The password rule on a DTO field, one validation message per rule broken. With `usernameProperty`
 * the username is read from that field of the same body; without it, a service that knows the
 * account checks `containsUsername` itself.
 */
export function IsAcceptablePassword(usernameProperty?: string): PropertyDecorator {
  return (target, propertyName) => {
    for (const rule of Object.keys(PASSWORD_RULE_MESSAGES) as PasswordRule[]) {
      if (rule === 'containsUsername' && !usernameProperty) continue;
      const usernameOf = (args: ValidationArguments): string | undefined => {
        const value = usernameProperty ? (args.object as Record<string, unknown>)[usernameProperty] : undefined;
        return typeof value === 'string' ? value : undefined;
      };
      registerDecorator({
        name: `password.${rule}`,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message: PASSWORD_RULE_MESSAGES[rule] },
        validator: {
          validate: (value: unknown, args: ValidationArguments) =>
            typeof value !== 'string' || !passwordRulesBroken(value, usernameOf(args)).includes(rule),
        },
      });
    }
  };
}
