import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/**
 * The last page a list may be asked for. `page=1e300` is an integer to JavaScript, but its offset
 * is no number a database takes (it was a 500); a million pages of 500 are 500 million rows.
 */
export const MAX_PAGE = 1_000_000;

/** `?page=&pageSize=` of every list (default 1 and 50, at most 1,000,000 and 500). Extend it for a list's filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE, { message: `page 页码不得大于 ${MAX_PAGE}` })
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

/**
 * One page of a list. A controller returns it; the PaginationInterceptor sends `items` as the JSON
 * array body and `total` in the `X-Total-Count` header (lists are arrays: README, "The HTTP service").
 */
export class Page<T> {
  constructor(
    readonly items: T[],
    readonly total: number,
  ) {}
}
