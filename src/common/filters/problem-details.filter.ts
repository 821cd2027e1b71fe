import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import { DomainError } from '../errors/domain-error';
import { requestIdOf } from '../logging/request-id.middleware';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with the stable `code` every client switches on. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [member: string]: unknown;
}

/**
 * The one global exception filter: every error leaves the service as `application/problem+json`.
 *
 * - DomainError: its status, code, detail and extra members (a 422 is a `procedure-violation`).
 * - Nest HttpExceptions, including those Nest makes of body-parser and routing errors: malformed
 *   JSON → 400 MALFORMED_JSON, unknown route → 404 NOT_FOUND, body over the limit → 413
 *   PAYLOAD_TOO_LARGE; other statuses get a code derived from their reason phrase. An HttpException
 *   whose response object carries its own `code` (and `detail`) keeps them, whatever the status.
 * - Anything else is a bug: 500 INTERNAL_ERROR with an `errorId` that is logged with the error and
 *   the request id; nothing internal goes into the body.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<HttpRequest>();
    const res = host.switchToHttp().getResponse<HttpResponse>();
    const problem = this.toProblem(exception, req);
    if (res.headersSent) {
      res.end();
      return;
    }
    // RFC 9110: a 401 names the scheme that would be accepted.
    if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    if (typeof problem.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(problem.retryAfterSeconds));
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  toProblem(exception: unknown, req: HttpRequest): ProblemDetails {
    if (exception instanceof DomainError) {
      return problem(exception.status, exception.code, exception.detail, exception.extra);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (isObject(body) && typeof body.code === 'string') {
        const detail = typeof body.detail === 'string' ? body.detail : exception.message;
        if (status >= 500) this.logger.warn(detail, { code: body.code, requestId: requestIdOf(req) });
        return problem(status, body.code, detail);
      }
      if (status < 500) return this.fromHttpException(status, exception);
    }
    return this.internal(exception, req);
  }

  private fromHttpException(status: number, exception: HttpException): ProblemDetails {
    const cause = exception.cause as { type?: unknown; limit?: unknown } | undefined;
    if (status === 400 && cause instanceof SyntaxError) {
      return problem(400, 'MALFORMED_JSON', 'The request body is not valid JSON.');
    }
    if (status === 400 && cause instanceof URIError) {
      return problem(400, 'MALFORMED_URI', 'The request path is not a valid percent-encoded URI.');
    }
    if (status === 413) {
      const limit = typeof cause?.limit === 'number' ? ` of ${cause.limit} bytes` : '';
      return problem(413, 'PAYLOAD_TOO_LARGE', `The request body exceeds the limit${limit}.`);
    }
    return problem(status, codeOfStatus(status), exception.message);
  }

  private internal(exception: unknown, req: HttpRequest): ProblemDetails {
    const errorId = randomUUID();
    this.logger.error(exception instanceof Error ? exception : String(exception), {
      errorId,
      requestId: requestIdOf(req),
      method: req.method,
      path: req.path,
    });
    return problem(500, 'INTERNAL_ERROR', 'An unexpected error occurred. Quote the errorId when reporting it.', { errorId });
  }
}

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): ProblemDetails {
  const procedure = status === 422;
  return {
    ...extra,
    type: procedure ? 'urn:problem:procedure-violation' : `urn:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: procedure ? 'Procedure violation' : titleOf(code),
    status,
    detail,
    code,
  };
}

/** `VALIDATION_FAILED` → `Validation failed`: one title per problem type, as RFC 9457 asks. */
function titleOf(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** 413 → `PAYLOAD_TOO_LARGE`, from the reason phrase. */
function codeOfStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'Error').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
