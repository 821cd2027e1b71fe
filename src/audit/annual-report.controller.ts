import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
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
  @ApiProduces('application/json', 'text/markdown', XLSX_CONTENT_TYPE)
  @ApiOkResponse({ type: AnnualReportDto })
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
