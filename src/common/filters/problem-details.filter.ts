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
 *   JSON → 400 MALFORMED_JSON, a path the service does not have → 404 NOT_FOUND, a path it has but
 *   not for this method → 405 METHOD_NOT_ALLOWED (with `Allow`), body over the limit → 413
 *   PAYLOAD_TOO_LARGE, a body in a charset or encoding the parser cannot read → 415
 *   UNSUPPORTED_MEDIA_TYPE; other statuses get a code derived from their reason phrase. An
 *   HttpException whose response object carries its own `code` (and `detail`) keeps them, whatever
 *   the status.
 * - Anything else is a bug: 500 INTERNAL_ERROR with an `errorId` that is logged with the error and
 *   the request id; nothing internal goes into the body.
 *
 * Every `detail` is a Chinese sentence for the person at the desk (the codes stay English for
 * programs); the sentences of the framework's own errors are written here.
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
    if (problem.status === 405 && Array.isArray(problem.allow)) res.setHeader('Allow', (problem.allow as string[]).join(', '));
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
      if (status < 500) return this.fromHttpException(status, exception, req);
    }
    return this.internal(exception, req);
  }

  private fromHttpException(status: number, exception: HttpException, req: HttpRequest): ProblemDetails {
    const cause = exception.cause as { type?: unknown; limit?: unknown; charset?: unknown; encoding?: unknown } | undefined;
    if (status === 400 && cause instanceof SyntaxError) {
      return problem(400, 'MALFORMED_JSON', '请求体不是有效的 JSON：请检查引号、逗号和括号是否成对，或者改用 JSON 工具生成请求体。');
    }
    if (status === 400 && cause instanceof URIError) {
      return problem(400, 'MALFORMED_URI', '请求地址中有无法解码的百分号编码（%XX）：请对地址中的中文或者特殊字符按 UTF-8 重新编码。');
    }
    if (status === 413) {
      const limit = typeof cause?.limit === 'number' ? `（${kib(cause.limit)}）` : '';
      return problem(413, 'PAYLOAD_TOO_LARGE', `请求体超过了允许的大小${limit}：请精简内容，或者分多次提交。`);
    }
    if (status === 415) {
      const what = cause?.type === 'charset.unsupported' ? `字符集${typeof cause.charset === 'string' ? `「${cause.charset}」` : ''}` : `压缩编码${typeof cause?.encoding === 'string' ? `「${cause.encoding}」` : ''}`;
      return problem(415, 'UNSUPPORTED_MEDIA_TYPE', `无法读取请求体的${what}：请以 UTF-8 编码、不压缩的 JSON 提交（Content-Type: application/json）。`);
    }
    if (status === 404 && isRoutingMiss(exception, req)) {
      const allow = allowedMethods(req);
      if (allow.length) {
        return problem(405, 'METHOD_NOT_ALLOWED', `地址 ${req.path} 不支持 ${req.method} 请求，可用的请求方法：${allow.join('、')}。接口说明见 /docs。`, { allow });
      }
      return problem(404, 'NOT_FOUND', `没有这个接口：${req.method} ${req.path}。请核对地址，接口说明见 /docs。`);
    }
    return problem(status, codeOfStatus(status), STATUS_SENTENCES[status] ?? `请求未能办理（HTTP ${status}）：请核对请求后重试。`);
  }

  private internal(exception: unknown, req: HttpRequest): ProblemDetails {
    const errorId = randomUUID();
    this.logger.error(exception instanceof Error ? exception : String(exception), {
      errorId,
      requestId: requestIdOf(req),
      method: req.method,
      path: req.path,
    });
    return problem(500, 'INTERNAL_ERROR', '服务内部出现错误，请求没有办成：请稍后重试；问题仍在的，请把 errorId 告诉系统管理员。', { errorId });
  }
}

/** The sentence of a framework error that says nothing more specific (a bad encoding, an aborted body…). */
const STATUS_SENTENCES: Readonly<Record<number, string>> = {
  400: '请求无法读取：请检查请求体的编码和格式（UTF-8 编码的 JSON），然后重试。',
  401: '请先登录：请在请求头 Authorization 中携带登录令牌（Bearer）。',
  403: '您没有办理这项请求的权限。',
  404: '没有找到请求的内容：请核对地址。',
  405: '这个地址不支持该请求方法：接口说明见 /docs。',
  406: '无法以请求的格式答复：本服务以 JSON 答复。',
  408: '请求超时：请重试。',
  409: '请求与当前数据冲突：请刷新后重试。',
  411: '请求缺少 Content-Length：请重新提交。',
  413: '请求体超过了允许的大小：请精简内容，或者分多次提交。',
  414: '请求地址过长：请精简查询条件。',
  415: '请求体的格式无法读取：请以 UTF-8 编码、不压缩的 JSON 提交。',
  422: '请求内容不符合办理条件。',
  429: '请求过于频繁：请稍后再试。',
};

const kib = (bytes: number): string => (bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} 字节`);

/** Nest's own 404 for a path no route matched (`Cannot GET /x`), as opposed to a 404 a service threw. */
function isRoutingMiss(exception: HttpException, req: HttpRequest): boolean {
  return exception.message === `Cannot ${req.method} ${req.originalUrl ?? req.url}` || exception.message.startsWith(`Cannot ${req.method} `);
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  match?: (path: string) => unknown;
}

/** The methods the router has for this path (HEAD with GET), for a 405 and its `Allow` header; empty when it has none. */
function allowedMethods(req: HttpRequest): string[] {
  const app = (req as unknown as { app?: { router?: { stack?: RouterLayer[] }; _router?: { stack?: RouterLayer[] } } }).app;
  const stack = app?.router?.stack ?? app?._router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || typeof layer.match !== 'function') continue;
    let matches = false;
    try {
      matches = Boolean(layer.match(req.path));
    } catch {
      matches = false;
    }
    if (!matches) continue;
    for (const [verb, on] of Object.entries(layer.route.methods)) if (on && verb !== '_all') methods.add(verb.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  methods.delete(req.method.toUpperCase());
  return [...methods].sort();
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
