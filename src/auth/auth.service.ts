import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UsersService, type UserSession, type UserView } from '../users/users.service';
import type { AuthUser, Role } from './auth-user';
import { LoginAttemptLimiter } from './login-attempt-limiter';
import { roleConflict } from './role-combinations';

/** What an access token says; the JWT guard still loads the user it names. */
export interface TokenClaims {
  sub: string;
  username: string;
  roles: Role[];
  orgUnitId: string | null;
  /**
   * The account's token version when the token was issued. A password change or reset, disabling,
   * a change of roles or unit, or a revocation raises the account's version, which ends the token.
   * Tokens issued before versions existed carry none and count as version 0.
   */
  ver: number;
}

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserView;
}

/**
 * An account whose roles may not be held together (created before the rule, see role-combinations)
 * neither signs in nor uses its tokens until an administrator corrects its roles.
 */
export const roleConflictRefusal = (conflict: string) =>
  new DomainError(403, 'ROLE_CONFLICT', `您的账号持有相互冲突的角色（${conflict}），暂时不能使用：请联系系统管理员调整角色。`);

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly limiter: LoginAttemptLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, clientAddress: string): Promise<LoginResult> {
    const attempt = this.limiter.begin(username, clientAddress);
    const session = await this.users.verifyCredentials(username, password);
    if (!session) throw new DomainError(401, 'INVALID_CREDENTIALS', '用户名或者密码不正确。');
    attempt.succeeded();
    const conflict = roleConflict(session.user.roles);
    if (conflict) throw roleConflictRefusal(conflict);
    return this.issue(session);
  }

  /**
   * The signed-in user's own change: the current password first (a wrong one counts as a failed
   * login of this account from this address, so a stolen token cannot be used to guess it), then
   * the new one. Every other token of the user ends; the answer carries a fresh one.
   */
  async changePassword(caller: AuthUser, currentPassword: string, newPassword: string, clientAddress: string): Promise<LoginResult> {
    const attempt = this.limiter.begin(caller.username, clientAddress);
    if (!(await this.users.checkPassword(caller.userId, currentPassword))) {
      throw new DomainError(400, 'CURRENT_PASSWORD_WRONG', '当前密码不正确。', {
        errors: [{ field: 'currentPassword', message: '当前密码不正确' }],
      });
    }
    attempt.succeeded();
    const session = await this.users.setPassword(caller.userId, newPassword, {
      field: 'newPassword',
      refuseCurrent: true,
      actor: { userId: caller.userId, username: caller.username },
      change: 'OWN_PASSWORD_CHANGED',
    });
    return this.issue(session);
  }

  private async issue({ user, tokenVersion }: UserSession): Promise<LoginResult> {
    const claims: TokenClaims = { sub: user.id, username: user.username, roles: user.roles, orgUnitId: user.orgUnitId, ver: tokenVersion };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.auth.jwtExpiresIn,
      user: await this.users.named(user),
    };
  }
}
