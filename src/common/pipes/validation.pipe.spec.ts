import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { BadRequestError } from '../errors/domain-error';
import { IsBusinessDate, IsText, isBusinessDate } from '../validation';
import { createValidationPipe } from './validation.pipe';

class Requirement {
  @IsBoolean() required: boolean;
  @IsOptional() @IsText() reason?: string;
}
class Requirements {
  @ValidateNested() @Type(() => Requirement) hearing: Requirement;
}
class ItemDto {
  @IsText(200) title: string;
  @IsBusinessDate() plannedStartOn: string;
  @IsText(100, { each: true }) legalBasis: string[];
  @ValidateNested() @Type(() => Requirements) requirements: Requirements;
}

const body: ArgumentMetadata = { type: 'body', metatype: ItemDto };
const valid = () => ({
  title: '关于…的决定',
  plannedStartOn: '2024-02-29',
  legalBasis: ['第三条'],
  requirements: { hearing: { required: false, reason: '无' } },
});

async function fieldErrors(value: unknown): Promise<{ field: string; message: string }[]> {
  try {
    await createValidationPipe().transform(value, body);
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestError);
    return (err as BadRequestError).extra.errors as { field: string; message: string }[];
  }
  throw new Error('expected a BadRequestError');
}

describe('the global validation pipe', () => {
  it('passes and transforms a valid body', async () => {
    const dto = await createValidationPipe().transform(valid(), body);
    expect(dto).toBeInstanceOf(ItemDto);
    expect((dto as ItemDto).requirements.hearing).toBeInstanceOf(Requirement);
  });

  it('names nested fields by path', async () => {
    const value = valid();
    value.requirements.hearing = { required: false, reason: '' };
    expect(await fieldErrors(value)).toEqual([{ field: 'requirements.hearing.reason', message: '不能为空，也不能只有空白' }]);
  });

  it('names array items and unknown nested fields', async () => {
    const errors = await fieldErrors({ ...valid(), legalBasis: ['ok', 'x'.repeat(101)], requirements: { hearing: { required: true, why: 1 } } });
    expect(errors.map((e) => e.field).sort()).toEqual(['legalBasis', 'requirements.hearing.why']);
  });

  it('refuses a JSON array in place of the object', async () => {
    expect(await fieldErrors([valid()])).toEqual([{ field: 'body', message: '请求体须为 JSON 对象' }]);
  });

  it('caps the number of errors', async () => {
    const huge = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i]));
    expect((await fieldErrors({ ...valid(), ...huge })).length).toBe(50);
  });
});

class QueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @IsOptional() @IsIn(['drafting', 'legality_review']) stage?: string;
  @IsOptional() @IsUUID('all', { message: 'organId must be a UUID' }) organId?: string;
}

async function queryErrors(value: unknown): Promise<{ field: string; message: string }[]> {
  try {
    await createValidationPipe().transform(value, { type: 'query', metatype: QueryDto });
  } catch (err) {
    return (err as BadRequestError).extra.errors as { field: string; message: string }[];
  }
  throw new Error('expected a BadRequestError');
}

describe('what each field must hold, in Chinese', () => {
  it('names an unknown field as not allowed, nested or not', async () => {
    const errors = await fieldErrors({ ...valid(), zzz: 1, requirements: { hearing: { required: true, why: 1 } } });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'zzz', message: '不允许的字段，请删除' },
        { field: 'requirements.hearing.why', message: '不允许的字段，请删除' },
      ]),
    );
  });

  it('gives the bounds of a number and the length of each item of a list', async () => {
    expect(await queryErrors({ year: '1999' })).toEqual([{ field: 'year', message: '不得小于 2000' }]);
    expect(await queryErrors({ year: '2101' })).toEqual([{ field: 'year', message: '不得大于 2100' }]);
    expect((await queryErrors({ year: 'soon' })).map((e) => e.message)).toContain('须为整数');
    expect(await fieldErrors({ ...valid(), legalBasis: ['ok', 'x'.repeat(101)] })).toEqual([{ field: 'legalBasis', message: '每一项最多 100 个字符' }]);
  });

  it('lists the values a field takes, a stage with its word', async () => {
    expect(await queryErrors({ stage: 'draft' })).toEqual([{ field: 'stage', message: '须为以下取值之一：「决策草案形成中」（drafting）、「合法性审查中」（legality_review）' }]);
  });

  it('takes the words of the table that holds every value: a unit kind is no role', async () => {
    class KindDto {
      @IsIn(['government', 'department', 'street']) kind: string;
    }
    try {
      await createValidationPipe().transform({ kind: 'x' }, { type: 'body', metatype: KindDto });
      throw new Error('expected a BadRequestError');
    } catch (err) {
      expect((err as BadRequestError).extra.errors).toEqual([
        { field: 'kind', message: '须为以下取值之一：「人民政府」（government）、「政府工作部门」（department）、「街道办事处」（street）' },
      ]);
    }
  });

  it('says an English message of a DTO again in Chinese, from its constraint', async () => {
    expect(await queryErrors({ organId: 'x' })).toEqual([{ field: 'organId', message: expect.stringMatching(/^须为 UUID 格式的编号/) as unknown }]);
  });

  it('sums the errors up in a Chinese detail', async () => {
    try {
      await createValidationPipe().transform({ year: '1999', zzz: 1 }, { type: 'query', metatype: QueryDto });
      throw new Error('expected a BadRequestError');
    } catch (err) {
      expect((err as BadRequestError).detail).toBe('提交的内容有 2 处需要修改：zzz：不允许的字段，请删除；year：不得小于 2000');
    }
  });
});

describe('isBusinessDate', () => {
  it.each(['2024-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (d) => expect(isBusinessDate(d)).toBe(true));
  it.each(['2025-02-29', '2026-13-01', '2026-04-31', '2026-1-5', '2026-01-01T00:00:00Z', '20260101', '', 20260101, null])(
    'refuses %p',
    (d) => expect(isBusinessDate(d)).toBe(false),
  );

  it('is reported with the decorator', async () => {
    expect(await fieldErrors({ ...valid(), plannedStartOn: '2025-02-29' })).toEqual([
      { field: 'plannedStartOn', message: '必须是 YYYY-MM-DD 格式的有效日期' },
    ]);
  });
});
