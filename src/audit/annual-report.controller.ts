import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import type { HttpResponse } from '../common/http/http-types';
import { ApiProblems } from '../common/openapi/api-docs';
import { AnnualReportService, type AnnualReport } from './annual-report';
import { AnnualReportDto, AnnualReportQueryDto } from './annual-report.dto';
import { renderMarkdown } from './annual-report.markdown';
import { contentDisposition, renderWorkbook, workbookName, XLSX_CONTENT_TYPE } from './annual-report.xlsx';
import { AUDIT_ROLES } from './audit-scope';

export const MARKDOWN_CONTENT_TYPE = 'text/markdown; charset=utf-8';

@ApiTags('audit')
@ApiProblems(401, 403)
@Roles(...AUDIT_ROLES)
@Controller('audit')
export class AnnualReportController {
  constructor(private readonly reports: AnnualReportService) {}

  @Get('report')
  @ApiOperation({
    summary: 'The year’s figures as the annual 法治政府建设 report counts them (auditor: every organ; office: its own organ)',
    description:
      '`format=json` (default) the figures; `md` a Chinese section of the annual report with its tables (text/markdown); ' +
      '`xlsx` a workbook, one sheet per table (attachment). Counted from the record of the decisions of the year’s catalogs.',
  })
  @ApiExtraModels(AnnualReportDto)
  @ApiOkResponse({
    description: 'The figures (json), the report’s section (md) or the workbook (xlsx)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AnnualReportDto) } },
      'text/markdown': { schema: { type: 'string', example: '## 前进区人民政府2026年度重大行政决策情况\n\n…全年共对 7 件重大行政决策事项进行合法性审查…' } },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems(400)
  async report(
    @CurrentUser() user: AuthUser,
    @Query() query: AnnualReportQueryDto,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<AnnualReport | string | StreamableFile> {
    const report = await this.reports.report(user, query.year, query.organId);
    switch (query.format ?? 'json') {
      case 'json':
        return report;
      case 'md':
        res.setHeader('Content-Type', MARKDOWN_CONTENT_TYPE);
        return renderMarkdown(report);
      case 'xlsx': {
        const file = await renderWorkbook(report);
        const { ascii, name } = workbookName(report);
        return new StreamableFile(file, { type: XLSX_CONTENT_TYPE, disposition: contentDisposition(ascii, name), length: file.length });
      }
    }
  }
}
