import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { HttpResponse } from '../http/http-types';
import { map, type Observable } from 'rxjs';
import { Page } from './page';

export const TOTAL_COUNT_HEADER = 'X-Total-Count';

/** Turns a returned Page into its items, with the total in `X-Total-Count`. */
export class PaginationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof Page)) return result;
        context.switchToHttp().getResponse<HttpResponse>().setHeader(TOTAL_COUNT_HEADER, String(result.total));
        return result.items;
      }),
    );
  }
}
