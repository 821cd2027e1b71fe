import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { BadRequestError, type FieldError } from '../errors/domain-error';
import { valuesNamed } from '../labels/value-labels';

/** Enough to fix a request; a generated payload with thousands of bad items does not get a 1 MB answer. */
const MAX_FIELD_ERRORS = 50;

/**
 * The global validation pipe: DTOs are class-validator classes; unknown fields are refused (not
 * silently dropped), values are transformed into the DTO classes, and every failure becomes a
 * 400 VALIDATION_FAILED problem with `errors: [{ field, message }]`. Nested fields are named by
 * path: `requirements.hearing.reason`, `legalBasis[2]`. Each message says in Chinese what the field
 * must hold (`chineseMessage`); the DTOs' own Chinese messages are kept as they are.
 */
export function createValidationPipe(): ValidationPipe {
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target lets a message read its constraint's bounds and values; it never leaves the pipe.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new BadRequestError(toFieldErrors(errors)),
  });
}

/**
 * Deeper than this, a value is refused before class-transformer walks it: its recursion would
 * overflow the stack (a 500) on a body of a few thousand nested arrays, well within the 1 MB limit.
 */
export const MAX_NESTING = 32;

/** Keys class-transformer drops without a word (it guards the prototype chain): refused, not ignored. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A JSON array where a DTO object is expected is refused as such, not field by field; so are
 * values nested too deep, prototype keys at any depth, and members of the DTO class itself (a
 * getter such as PageQueryDto.offset) given as fields — which the whitelist does not see.
 */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && this.toValidate(metadata)) {
      if (metadata.type === 'body' && Array.isArray(value)) {
        throw new BadRequestError([{ field: 'body', message: BODY_NOT_OBJECT }]);
      }
      const errors = unacceptedMembers(value, metadata.metatype?.prototype as object | undefined);
      if (errors.length) throw new BadRequestError(errors);
    }
    return super.transform(value, metadata);
  }
}

/** Without recursion, so that the check itself cannot overflow the stack. */
function unacceptedMembers(value: unknown, dtoPrototype: object | undefined): FieldError[] {
  if (typeof value !== 'object' || value === null) return [];
  const errors: FieldError[] = [];
  const refuse = (field: string) => errors.push({ field, message: NOT_ALLOWED });
  for (const key of Object.keys(value)) if (dtoPrototype && key in dtoPrototype && !PROTOTYPE_KEYS.has(key)) refuse(key);
  const stack: Array<{ v: unknown; path: string; top: string; depth: number }> = [{ v: value, path: '', top: '', depth: 0 }];
  while (stack.length && errors.length < MAX_FIELD_ERRORS) {
    const { v, path, top, depth } = stack.pop() as (typeof stack)[number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_NESTING) {
      errors.push({ field: top, message: `嵌套不得超过 ${MAX_NESTING} 层` });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i] as unknown, path: `${path}[${i}]`, top: top || path, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) refuse(at);
      else stack.push({ v: (v as Record<string, unknown>)[key], path: at, top: top || at, depth: depth + 1 });
    }
  }
  return errors.slice(0, MAX_FIELD_ERRORS);
}

export function toFieldErrors(errors: readonly ValidationError[]): FieldError[] {
  const out: FieldError[] = [];
  const visit = (list: readonly ValidationError[], parent: string): void => {
    for (const error of list) {
      if (out.length >= MAX_FIELD_ERRORS) return;
      const index = /^\d+$/.test(error.property);
      const field = !parent ? error.property : index ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
      const messages = new Set(Object.entries(error.constraints ?? {}).map(([name, message]) => chineseMessage(error, name, message)));
      for (const message of messages) out.push({ field, message });
      if (error.children?.length) visit(error.children, field);
    }
  };
  visit(errors, '');
  return out.slice(0, MAX_FIELD_ERRORS);
}

export const NOT_ALLOWED = '不允许的字段，请删除';
export const BODY_NOT_OBJECT = '请求体须为 JSON 对象';

const CJK = /[\u3400-\u9fff]/;

/** The bounds or values of the decorator that failed (`@Min(2000)` → [2000]), and whether it checks each item. */
function constraintOf(error: ValidationError, name: string): { args: unknown[]; each: boolean } {
  const target = error.target as object | undefined;
  if (!target || typeof target !== 'object') return { args: [], each: false };
  const metas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const meta = metas.find((m) => m.propertyName === error.property && (m.name === name || m.type === name));
  return { args: (meta?.constraints as unknown[] | undefined) ?? [], each: meta?.each === true };
}

/**
 * What a field must hold, in Chinese, from the constraint that failed and its bounds: a DTO's own
 * Chinese message stays as it is; an English one (class-validator's defaults, older DTO messages)
 * is said again from the constraint, so that no refusal reaches a person in English. Values that
 * are codes (stages, roles, categories…) are shown with their words.
 */
export function chineseMessage(error: ValidationError, name: string, message: string): string {
  if (CJK.test(message)) return message;
  const { args, each } = constraintOf(error, name);
  const [a] = args;
  const item = each ? '每一项' : '';
  switch (name) {
    case 'whitelistValidation':
      return NOT_ALLOWED;
    case 'isDefined':
      return '必填';
    case 'isNotEmpty':
      return `${item}不能为空`;
    case 'isString':
      return `${item}须为文字`;
    case 'maxLength':
      return `${item}最多 ${String(a)} 个字符`;
    case 'minLength':
      return `${item}至少 ${String(a)} 个字符`;
    case 'isInt':
      return `${item}须为整数`;
    case 'isNumber':
      return `${item}须为数字`;
    case 'min':
      return `${item}不得小于 ${String(a)}`;
    case 'max':
      return `${item}不得大于 ${String(a)}`;
    case 'isUuid':
      return `${item}须为 UUID 格式的编号（例如 3f2b8c1e-7a4d-4c2e-9b1a-0d5e6f7a8b9c）`;
    case 'isIn':
    case 'isEnum': {
      const values = Array.isArray(a) ? (a as unknown[]) : typeof a === 'object' && a !== null ? Object.values(a) : [];
      return values.length ? `${item}须为以下取值之一：${valuesNamed(values.map(String)).join('、')}` : `${item}取值不在允许的范围内`;
    }
    case 'isBoolean':
      return `${item}须为 true 或 false`;
    case 'isArray':
      return '须为数组';
    case 'arrayNotEmpty':
      return '至少需要一项';
    case 'arrayMinSize':
      return `至少 ${String(a)} 项`;
    case 'arrayMaxSize':
      return `最多 ${String(a)} 项`;
    case 'arrayUnique':
      return '各项不得重复';
    case 'nestedValidation':
    case 'isObject':
      return '须为 JSON 对象';
    case 'isBusinessDate':
      return `${item}必须是 YYYY-MM-DD 格式的有效日期`;
    case 'matches':
      return `${item}格式不正确`;
    default:
      return `${item}取值不符合要求`;
  }
}
