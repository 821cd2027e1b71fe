import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY, ROLES_KEY, type RequestWithUser } from '../common/auth';
import { rolesNamed } from '../../workflows/labels';
import { DomainError } from '../common/errors/domain-error';
import type { Role } from './auth-user';
import { NOT_SIGNED_IN } from './jwt-auth.guard';

/**
 * Global, after the JWT guard: a route marked @Roles(...) admits only callers holding one of them
 * (403 FORBIDDEN_ROLE). A route whose answer must be 404 for a resource outside the caller's scope
 * before any 403 (the order of checks, README "The HTTP service") makes that role check in its service instead.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!required?.length || this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const user = context.switchToHttp().getRequest<RequestWithUser>().user;
    if (!user) throw new DomainError(401, 'UNAUTHENTICATED', NOT_SIGNED_IN);
    if (user.roles.some((role) => required.includes(role))) return true;
    throw new DomainError(403, 'FORBIDDEN_ROLE', `这项操作只能由${rolesNamed(required)}办理，您的账号没有这个角色。`, {
      requiredRoles: required,
    });
  }
}
