import { Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { RequestWithUser } from '../common/auth/auth.decorators';
import { RefusalLimiter } from './refusal-limiter';

/**
 * On a route that can store a refused attempt: a user past the refusal limit gets 429
 * TOO_MANY_REFUSALS before anything is read or stored (after 401 and the route's role check),
 * and that 429 counts in the window as well.
 */
@Injectable()
export class RefusalLimitInterceptor implements NestInterceptor {
  constructor(private readonly limiter: RefusalLimiter) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const user = context.switchToHttp().getRequest<RequestWithUser>().user;
    if (user) this.limiter.check(user.userId);
    return next.handle();
  }
}

/** Marks a route that can store a refused attempt (see RefusalLimiter). */
export const LimitRefusals = (): MethodDecorator & ClassDecorator => UseInterceptors(RefusalLimitInterceptor);
