import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { HttpRequest } from '../common/http/http-types';
import { IS_PUBLIC_KEY, type RequestWithUser } from '../common/auth';
import { DomainError } from '../common/errors/domain-error';
import { UsersService } from '../users/users.service';
import { roleConflictRefusal, type TokenClaims } from './auth.service';
import { roleConflict } from './role-combinations';

const VERIFIED_TOKENS_KEPT = 10_000;
type VerifiedClaims = Omit<TokenClaims, 'ver'> & { ver?: unknown; exp?: unknown };
const BEARER = /^Bearer[ ]+([^ ]+)[ ]*$/i;

/**
 * Global: every route needs `Authorization: Bearer <token>` unless it is @Public(). The token must
 * verify (HS256, our issuer, with an expiry, not expired), the user it names must still exist and
 * not be disabled, the token must carry the account's current token version (a password change,
 * reset, disabling, change of roles or unit, or revocation ends older tokens: 401 TOKEN_REVOKED),
 * and the account's roles must be a permitted combination (403 ROLE_CONFLICT). `request.user` is
 * then that user as the database has it now.
 *
 * All of this is read from the database on every request: the cache below only spares the
 * signature check, so that an ended token is refused at once, on every instance.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  /**
   * Tokens whose signature was already checked, with their claims: the signature of a given token
   * never changes, only its expiry does, and that is checked on every use. Bounded, oldest first out.
   */
  private readonly verified = new Map<string, VerifiedClaims>();

  private remember(token: string, claims: VerifiedClaims): void {
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, claims);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<HttpRequest & RequestWithUser>();
    const header = req.headers.authorization;
    if (!header) throw new DomainError(401, 'UNAUTHENTICATED', NOT_SIGNED_IN);
    const token = BEARER.exec(header)?.[1];
    if (!token) throw tokenInvalid('请求头 Authorization 的格式不对：应为「Bearer 登录令牌」。请先通过 POST /auth/login 登录取得令牌。');
    let claims = this.verified.get(token);
    if (claims && (claims.exp as number) * 1000 <= Date.now()) {
      this.verified.delete(token);
      throw tokenExpired();
    }
    if (!claims) {
      try {
        claims = this.jwt.verify<VerifiedClaims>(token);
      } catch (err) {
        if (err instanceof TokenExpiredError) throw tokenExpired();
        throw tokenInvalid(TOKEN_NOT_VALID);
      }
      // A token without an expiry would be good for ever: none of ours is, so it is not ours.
      if (typeof claims.exp !== 'number') throw tokenInvalid('令牌没有有效期，不予接受：请重新登录。');
      if (typeof claims.sub !== 'string' || !isVersion(claims.ver ?? 0)) throw tokenInvalid(TOKEN_NOT_VALID);
      this.remember(token, claims);
    }
    const session = await this.users.findSession(claims.sub);
    if (!session || session.user.disabled) throw tokenInvalid('登录令牌所属的账号已不存在或者已被停用：请联系系统管理员。');
    if ((claims.ver ?? 0) !== session.tokenVersion) {
      throw new DomainError(401, 'TOKEN_REVOKED', '登录已失效（密码、角色、所属单位或者账号状态已经变更，或者登录已被注销）：请重新登录。');
    }
    const { user } = session;
    const conflict = roleConflict(user.roles);
    if (conflict) throw roleConflictRefusal(conflict);
    req.user = { userId: user.id, username: user.username, roles: user.roles, orgUnitId: user.orgUnitId };
    return true;
  }
}

const tokenInvalid = (detail: string) => new DomainError(401, 'TOKEN_INVALID', detail);
const tokenExpired = () => new DomainError(401, 'TOKEN_EXPIRED', '登录已过期：请重新登录。');

/** 401 UNAUTHENTICATED: no token at all. */
export const NOT_SIGNED_IN = '请先登录：本接口需要在请求头 Authorization 中携带登录令牌（Bearer），令牌通过 POST /auth/login 登录取得。';
const TOKEN_NOT_VALID = '登录令牌无效（不是本系统签发的，或者已被改动）：请重新登录。';
const isVersion = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
