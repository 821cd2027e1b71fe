import { BadRequestException, Controller, Get, HttpException, Injectable, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { catchError, type Observable } from 'rxjs';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import { DomainError } from '../common/errors/domain-error';
import { ApiProblems } from '../common/openapi/api-docs';
import { LimitRefusals } from '../engine/refusal-limit.interceptor';
import { XLSX_CONTENT_TYPE } from '../audit/annual-report.xlsx';
import { CatalogExportService, CSV_CONTENT_TYPE, EXPORT_FORMATS, type ExportFormat, type ExportedFile } from './catalog-export';
import { fileTooLarge, MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES, type UploadedFile as CatalogFile } from './catalog-file';
import { CatalogImportService, type ImportResult } from './catalog-import';

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format 只能是 ${EXPORT_FORMATS.join('、')}` })
  format?: ExportFormat;
}

class ImportFileDto {
  @ApiProperty({ type: 'string', format: 'binary', description: `An .xlsx workbook or a .csv file (UTF-8 or GB 18030) in the columns of GET /catalogs/template.xlsx; at most ${MAX_UPLOAD_BYTES} bytes and ${MAX_IMPORT_ROWS} rows` })
  file: unknown;
}

class ImportedItemDto {
  @ApiProperty({ example: 3, description: 'The row of the file' }) row: number;
  @ApiProperty({ format: 'uuid', description: 'The decision id' }) id: string;
  @ApiProperty() title: string;
}

class ImportResultDto {
  @ApiProperty({ format: 'uuid' }) catalogId: string;
  @ApiProperty({ enum: ['xlsx', 'csv'] }) format: string;
  @ApiProperty({ example: 12, description: 'Items proposed (each a decision in stage `proposed`)' }) imported: number;
  @ApiPropertyOptional({ type: [ImportedItemDto], description: 'Each item made, while they are at most 500' }) items?: ImportedItemDto[];
}

/**
 * multer's refusals in the house's words: a file over the limit is a 413 that says what to do, a
 * malformed multipart body or a file in another field a 400 naming `file`.
 */
@Injectable()
class UploadProblems implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof HttpException && err.getStatus() === 413 && !(isObject(err.getResponse()) && 'code' in (err.getResponse() as object))) throw fileTooLarge();
        if (err instanceof BadRequestException) {
          throw new DomainError(400, 'VALIDATION_FAILED', '上传的内容无法读取：请以 multipart/form-data 上传一个文件，字段名为 file', {
            errors: [{ row: null, column: null, field: 'file', message: '只能上传一个文件，字段名为 file' }],
          });
        }
        throw err;
      }),
    );
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Catalogs as tables (README, "Catalogs in Excel"): the template, the import of a file of items
 * (all or nothing, every bad row named) and the export in the published layout. Scope and roles
 * are those of the catalog routes: a catalog outside the caller's scope is a 404, then a caller who
 * may not propose items a 403.
 */
@ApiTags('catalogs')
@ApiProblems(401, 403)
@Roles('office', 'department', 'legal_reviewer', 'auditor')
@Controller('catalogs')
export class CatalogTransferController {
  constructor(
    private readonly imports: CatalogImportService,
    private readonly exports: CatalogExportService,
  ) {}

  @Get('template.xlsx')
  @ApiOperation({ summary: 'The empty catalog table with one example row, and a sheet explaining each column, the categories, the steps and the units the caller may name' })
  @ApiOkResponse({ content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async template(@CurrentUser() user: AuthUser): Promise<StreamableFile> {
    return streamed(await this.exports.template(user));
  }

  @Post(':id/items/import')
  @LimitRefusals()
  @UseInterceptors(UploadProblems, FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } }))
  @ApiOperation({
    summary: 'Propose every item of a file at once (the organ’s office, or the undertaking department for its own items)',
    description:
      'multipart/form-data, field `file`: .xlsx or .csv in the columns of GET /catalogs/template.xlsx. All or nothing: any bad row and nothing is written; ' +
      'the 400 lists every problem as `errors[]` of `{ row, column, field, message, code? }`. An item of a category outside the decree is a 422 OUT_OF_SCOPE, stored as one refused attempt. ' +
      `Over ${MAX_UPLOAD_BYTES} bytes or ${MAX_IMPORT_ROWS} rows: 413.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportFileDto })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiProblems(400, 404, 413, 422, 429)
  importItems(@CurrentUser() user: AuthUser, @Param('id') id: string, @UploadedFile() file: CatalogFile | undefined): Promise<ImportResult> {
    return this.imports.importItems(user, id, file);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'The catalog in the layout of a published annual catalog (序号, 决策事项名称, 决策机关, 承办单位, 决策依据, 需履行的程序, 计划完成时间, then what an import needs), as xlsx (default) or csv' })
  @ApiOkResponse({
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } }, [CSV_CONTENT_TYPE]: { schema: { type: 'string' } } },
  })
  @ApiProblems(400, 404)
  async exportCatalog(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    return streamed(await this.exports.exportCatalog(user, id, query.format ?? 'xlsx'));
  }
}

function streamed(f: ExportedFile): StreamableFile {
  return new StreamableFile(f.body, { type: f.contentType, disposition: f.disposition, length: f.body.length });
}
