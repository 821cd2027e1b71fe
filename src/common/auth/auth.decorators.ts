import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { AuthUser, Role } from '../../auth/auth-user';
import { DomainError } from '../errors/domain-error';

export const IS_PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/**
 * A route (or controller) that needs no token. In the OpenAPI document it carries an empty
 * security requirement, overriding the document-wide bearer requirement.
 */
export const Public = (): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiSecurity({}));

/**
 * Only callers holding at least one of these roles may use the route (403 FORBIDDEN_ROLE
 * otherwise). On a method it replaces the controller's list. Without it, any authenticated user.
 */
export const Roles = (...roles: Role[]): ClassDecorator & MethodDecorator => SetMetadata(ROLES_KEY, roles);

export type RequestWithUser = { user?: AuthUser };

/** The authenticated caller (see AuthUser). Refused on a @Public() route, where there is none. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new DomainError(401, 'UNAUTHENTICATED', '请先登录：本接口需要在请求头 Authorization 中携带登录令牌（Bearer）。');
  return user;
});
