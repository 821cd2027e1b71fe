import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { contentDisposition } from '../audit/annual-report.xlsx';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import { ApiProblems } from '../common/openapi/api-docs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CaseFileService } from './case-file';
import { caseFileName, renderZip, ZIP_CONTENT_TYPE } from './case-file-render';

export const ARCHIVE_FORMATS = ['zip'] as const;

export class ArchiveQueryDto {
  @ApiPropertyOptional({ enum: ARCHIVE_FORMATS, default: 'zip' })
  @IsOptional()
  @IsIn(ARCHIVE_FORMATS, { message: 'format 只能是 zip' })
  format?: (typeof ARCHIVE_FORMATS)[number];
}

/**
 * The case file of a decision (一事一档, README "The case file"), for whoever may read the decision:
 * the scope and roles of GET /decisions/:id.
 */
@ApiTags('decisions')
@ApiProblems(401, 403)
@Roles('office', 'department', 'legal_reviewer', 'auditor')
@Controller('decisions')
export class ArchiveController {
  constructor(
    private readonly files: CaseFileService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id/archive')
  @ApiOperation({
    summary: 'The case file (一事一档) as a zip: record.json (the record with hashes and the chain’s verification), index.html (ready to print, Chinese) and materials.csv (the list of materials)',
  })
  @ApiOkResponse({ content: { [ZIP_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 404)
  async archive(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() _query: ArchiveQueryDto): Promise<StreamableFile> {
    const file = await this.files.caseFile(user, id);
    const body = await renderZip(file, this.config.businessTimeZone);
    const { ascii, name } = caseFileName(file);
    return new StreamableFile(body, { type: ZIP_CONTENT_TYPE, disposition: contentDisposition(ascii, name), length: body.length });
  }
}
