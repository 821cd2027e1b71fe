import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../filters/problem-details.filter';
import { TOTAL_COUNT_HEADER } from '../pagination/pagination.interceptor';

class FieldErrorDto {
  @ApiProperty({ example: 'requirements.hearing.reason', description: 'The field to mend, by its path (a payload field under `payload.`)' }) field: string;
  @ApiProperty({ example: '必填：required 为 false（不履行该程序）时须说明理由', description: 'What the field must hold, in Chinese' }) message: string;
}

/** The error body of every route (RFC 9457), for the OpenAPI document. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:problem:validation-failed' }) type: string;
  @ApiProperty({ example: 'Validation failed' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({
    example: '提交的内容有 1 处需要修改：password：密码至少需要 10 个字符',
    description: 'A Chinese sentence for the person at the desk: stages, steps, events and roles by their words (the code may follow in parentheses), and what would pass',
  })
  detail: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable UPPER_SNAKE identifier, English, for programs' }) code: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'The fields that would mend the request: on a 400, and on a 409 or 422 that a field can mend' }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({
    type: 'object',
    properties: {
      field: { type: 'string' },
      days: { type: 'integer' },
      unit: { type: 'string', enum: ['calendar_days', 'working_days'] },
      from: { type: 'string', format: 'date' },
      given: { type: 'integer' },
      earliestOn: { type: 'string', format: 'date' },
      reasonField: { type: 'string' },
    },
    description:
      '422 of a statutory period not given (COMMENT_PERIOD_TOO_SHORT, COMMENT_PERIOD_NOT_ENDED, HEARING_NOTICE_TOO_SHORT, REVIEW_TIME_TOO_SHORT): the field to change, the days the law asks (calendar or working days), the date they count from, the days given, the earliest value that passes, and the field of a reason where the law lets a shorter period stand',
    example: { field: 'payload.endOn', days: 30, unit: 'calendar_days', from: '2026-03-02', given: 20, earliestOn: '2026-04-01', reasonField: 'payload.shortenedReason' },
  })
  timeLimit?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', properties: { type: { type: 'string' }, label: { type: 'string' } } },
    description: '422 of an event its stage takes only after another (CONCLUDE_REVIEW before ACCEPT_REVIEW): the event to send first',
    example: [{ type: 'ACCEPT_REVIEW', label: '受理合法性审查' }],
  })
  requiredFirst?: Array<{ type: string; label: string }>;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: '422 EXPERT_CONFLICT_OF_INTEREST: each expert with a direct interest (index in payload.experts, name, affiliation)' })
  conflictedExperts?: unknown[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', properties: { type: { type: 'string' }, label: { type: 'string' } } },
    description: '400 of an unknown event type: the events the decision’s current stage takes, code and word',
  })
  stageEvents?: Array<{ type: string; label: string }>;
  @ApiPropertyOptional({
    type: 'object',
    properties: { type: { type: 'string' }, label: { type: 'string' } },
    description: '400 of an unknown event type: the closest event type by edit distance, when one is close', example: { type: 'CONCLUDE_REVIEW', label: '作出合法性审查结论' },
  })
  suggestion?: { type: string; label: string };
  @ApiPropertyOptional({ type: [String], description: '405: the methods the path has (also in the Allow header)', example: ['GET', 'HEAD'] }) allow?: string[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON, or a missing, unknown or invalid field',
  401: 'No token, or a bad, expired or ended one (TOKEN_REVOKED: the password, roles, unit or status of the account changed, or its sessions were ended)',
  403: 'The caller’s role may not use this route, or the account holds roles that may not be held together (ROLE_CONFLICT)',
  404: 'No such resource (or outside the caller’s scope), or no such route',
  405: 'The route exists, but not for this method (`Allow` lists the methods it has)',
  409: 'A conflicting change (a taken name, a stale expectedVersion)',
  413: 'The request body is larger than 1 MB',
  415: 'The request body is in a charset or encoding that cannot be read (send UTF-8 JSON, uncompressed)',
  422: 'The procedure forbids it',
  429: 'Too many attempts',
  503: 'A dependency (the database) does not answer',
};

/** Documents the problem+json answers of a route: `@ApiProblems(400, 401, 403)`. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}

/** Documents a list answered as a JSON array with its total in `X-Total-Count`. */
export function ApiPage(item: Type<unknown>): MethodDecorator & ClassDecorator {
  return ApiOkResponse({
    type: item,
    isArray: true,
    headers: { [TOTAL_COUNT_HEADER]: { description: 'Total number of items over all pages', schema: { type: 'integer' } } },
  });
}
