import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { HttpRequest } from '../common/http/http-types';
import { IS_PUBLIC_KEY, type RequestWithUser } from '../common/auth';
import { DomainError } from '../common/errors/domain-error';
import { UsersService } from '../users/users.service';
import type { TokenClaims } from './auth.service';

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

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<HttpRequest & RequestWithUser>();
    const header = req.headers.authorization;
    if (!header) throw new DomainError(401, 'UNAUTHENTICATED', 'This route needs a bearer token: sign in with POST /auth/login.');
    const token = BEARER.exec(header)?.[1];
    if (!token) throw tokenInvalid('The Authorization header is not of the form "Bearer <token>".');
    let claims: TokenClaims;
    try {
      claims = this.jwt.verify<TokenClaims>(token);
    } catch (err) {
      if (err instanceof TokenExpiredError) throw new DomainError(401, 'TOKEN_EXPIRED', 'The token has expired: sign in again.');
      throw tokenInvalid('The token is not valid.');
    }
    if (typeof claims.sub !== 'string') throw tokenInvalid('The token is not valid.');
    const user = await this.users.findActive(claims.sub);
    if (!user) throw tokenInvalid('The account of this token no longer exists or is disabled.');
    req.user = { userId: user.id, username: user.username, roles: user.roles, orgUnitId: user.orgUnitId };
    return true;
  }
}

const tokenInvalid = (detail: string) => new DomainError(401, 'TOKEN_INVALID', detail);
