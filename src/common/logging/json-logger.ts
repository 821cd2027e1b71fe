import { ConsoleLogger } from '@nestjs/common';

/**
 * Structured logs: one JSON object per line (level, timestamp, context, message and the structured
 * fields such as `requestId`), with credentials masked wherever they appear in logged objects.
 * `NEST_LOG_LEVEL` (e.g. `warn`) narrows the levels.
 */
export function createJsonLogger(): ConsoleLogger {
  return new ConsoleLogger({
    json: true,
    colors: false,
    flattenParams: true,
    redact: ['password', 'passwordHash', 'password_hash', 'authorization', 'accessToken', 'jwtSecret', 'secret'],
  });
}
