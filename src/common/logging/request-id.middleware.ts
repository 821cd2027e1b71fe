import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import type { HttpRequest, HttpResponse, NextFunction } from '../http/http-types';

export const REQUEST_ID_HEADER = 'x-request-id';
/** An incoming id is reused only when it is short and plain, so that it cannot forge log lines. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const REQUEST_ID = Symbol('requestId');

type WithRequestId = HttpRequest & { [REQUEST_ID]?: string };

/** The id of this request, as sent back in `X-Request-Id` and written in every log line about it. */
export function requestIdOf(req: HttpRequest): string | undefined {
  return (req as WithRequestId)[REQUEST_ID];
}

/**
 * Takes the caller's `X-Request-Id` (or makes one), sends it back, and writes one structured access
 * log line per request when the response is finished.
 */
export function requestIdMiddleware(logger: LoggerService) {
  return (req: HttpRequest, res: HttpResponse, next: NextFunction): void => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === 'string' && ACCEPTED_ID.test(incoming) ? incoming : randomUUID();
    (req as WithRequestId)[REQUEST_ID] = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.log(
        `${req.method} ${req.path} ${res.statusCode}`,
        { requestId, method: req.method, path: req.path, status: res.statusCode, durationMs: Math.round(durationMs * 100) / 100 },
      );
    });
    next();
  };
}
