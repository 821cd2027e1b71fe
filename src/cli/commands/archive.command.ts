import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject } from '@nestjs/common';
import { Command, Option, SubCommand } from 'nest-commander';
import { CaseFileService } from '../../archive/case-file';
import { renderHtml, renderMaterialsCsv } from '../../archive/case-file-render';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CliIo } from '../cli-io';
import { CliUsers } from '../cli-user';
import { CliCommand } from './base';

@SubCommand({ name: 'export', arguments: '<decisionId> <dir>', description: '导出一个决策事项的档案（index.html、materials.csv、record.json）到目录' })
export class ArchiveExportCommand extends CliCommand {
  constructor(
    @Inject(CliIo) io: CliIo,
    private readonly files: CaseFileService,
    private readonly users: CliUsers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(io);
  }

  @Option({ flags: '--as <username>', description: '以哪个账号的范围读取（不指定时可读取全部）' })
  parseAs(v: string): string {
    return v;
  }

  protected async execute([decisionId, dir]: string[], options: { as?: string }): Promise<void> {
    const file = await this.files.caseFile(await this.users.asUser(options.as, true), decisionId);
    const tz = this.config.businessTimeZone;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), renderHtml(file, tz));
    writeFileSync(join(dir, 'materials.csv'), renderMaterialsCsv(file, tz));
    writeFileSync(join(dir, 'record.json'), `${JSON.stringify(file, null, 2)}\n`);
    const v = file.verification;
    this.io.out(`已导出「${file.decision.title}」的档案到 ${dir}：index.html、materials.csv、record.json（${file.record.length} 条记录）`);
    this.io.out(v.ok ? '记录校验：完整' : `记录校验：不完整，自第 ${v.brokenAtSeq} 条起不符（${v.reason}）`);
  }
}

@Command({ name: 'archive', description: '决策档案（一事一档）', subCommands: [ArchiveExportCommand] })
export class ArchiveCommand extends CliCommand {
  constructor(@Inject(CliIo) io: CliIo) {
    super(io);
  }

  protected async execute(): Promise<void> {
    this.io.out(this.command.helpInformation());
  }
}
