import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { HttpRequest } from '../common/http/http-types';
import { IS_PUBLIC_KEY, type RequestWithUser } from '../common/auth';
import { DomainError } from '../common/errors/domain-error';
import { UsersService } from '../users/users.service';
import type { TokenClaims } from './auth.service';

const VERIFIED_TOKENS_KEPT = 10_000;
type VerifiedClaims = TokenClaims & { exp?: number };
const BEARER = /^Bearer[ ]+([^ ]+)[ ]*$/i;

/**
 * Global: every route needs `Authorization: Bearer <token>` unless it is @Public(). The token must
 * verify (HS256, our issuer, not expired), and the user it names must still exist and not be
 * disabled; `request.user` is then that user as the database has it now.
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
    if (!header) throw new DomainError(401, 'UNAUTHENTICATED', 'This route needs a bearer token: sign in with POST /auth/login.');
    const token = BEARER.exec(header)?.[1];
    if (!token) throw tokenInvalid('The Authorization header is not of the form "Bearer <token>".');
    let claims = this.verified.get(token);
    if (claims && typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) {
      this.verified.delete(token);
      throw new DomainError(401, 'TOKEN_EXPIRED', 'The token has expired: sign in again.');
    }
    if (!claims) {
      try {
        claims = this.jwt.verify<VerifiedClaims>(token);
      } catch (err) {
        if (err instanceof TokenExpiredError) throw new DomainError(401, 'TOKEN_EXPIRED', 'The token has expired: sign in again.');
        throw tokenInvalid('The token is not valid.');
      }
      this.remember(token, claims);
    }
    if (typeof claims.sub !== 'string') throw tokenInvalid('The token is not valid.');
    const user = await this.users.findActive(claims.sub);
    if (!user) throw tokenInvalid('The account of this token no longer exists or is disabled.');
    req.user = { userId: user.id, username: user.username, roles: user.roles, orgUnitId: user.orgUnitId };
    return true;
  }
}

const tokenInvalid = (detail: string) => new DomainError(401, 'TOKEN_INVALID', detail);
