/**
 * Every failure the service reports on purpose is a DomainError: a stable UPPER_SNAKE `code`, the
 * HTTP status it maps to, a human `detail` and the extra problem+json members of that status
 * (`errors`, `currentVersion`, `legalBasis`, `missing`, …). One global filter renders them.
 */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;

export class DomainError extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export interface FieldError {
  field: string;
  message: string;
}

/** The sentence of a 400 that lists its field errors: `提交的内容有 2 处需要修改：year：须为整数；organId：须为 UUID 格式的编号`. */
export function fieldErrorsDetail(errors: readonly FieldError[]): string {
  if (!errors.length) return '提交的内容不符合要求';
  return `提交的内容有 ${errors.length} 处需要修改：${errors.map((e) => `${e.field}：${e.message}`).join('；')}`;
}

export class BadRequestError extends DomainError {
  constructor(errors: FieldError[], detail = fieldErrorsDetail(errors)) {
    super(400, 'VALIDATION_FAILED', detail, { errors });
  }
}

/**
 * What a 404 names, by its word, and whether a caller may simply not be allowed to see it (a
 * resource outside the caller's scope is a 404 too, so that ids do not leak: the sentence says so).
 */
const NOT_FOUND_WORDS: Readonly<Record<string, { word: string; scoped: boolean }>> = {
  decision: { word: '决策事项', scoped: true },
  'record entry': { word: '决策过程记录', scoped: true },
  'published decision': { word: '已公布的重大行政决策', scoped: false },
  catalog: { word: '年度决策事项目录', scoped: true },
  'published catalog': { word: '已公布的年度决策事项目录', scoped: false },
  'catalog item': { word: '目录事项', scoped: true },
  User: { word: '用户账号', scoped: false },
  'organisation unit': { word: '单位', scoped: false },
  'procedure definition': { word: '决策程序定义', scoped: false },
};

export class NotFoundError extends DomainError {
  /** `what`: a key of NOT_FOUND_WORDS (`decision`, `User`…) or a Chinese word. */
  constructor(what: string, id: string) {
    const known = Object.hasOwn(NOT_FOUND_WORDS, what) ? NOT_FOUND_WORDS[what] : { word: what, scoped: false };
    super(404, 'NOT_FOUND', `没有找到${known.word}「${id}」${known.scoped ? '，或者它不在您的查看范围内' : ''}：请核对编号`);
  }
}

export class VersionConflictError extends DomainError {
  /** `field`: the request's field that carried the stale version, named in `errors` with the current one. */
  constructor(currentVersion: number, detail = `办理依据的版本（expectedVersion）已经过时：决策事项已被更新，当前为第 ${currentVersion} 版，请刷新后核对再办理`, field?: string) {
    super(409, 'VERSION_CONFLICT', detail, {
      currentVersion,
      ...(field ? { errors: [{ field, message: `已过时：当前为第 ${currentVersion} 版，请刷新、核对后以当前版本重新办理` }] } : {}),
    });
  }
}
