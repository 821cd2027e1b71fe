import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Inject } from '@nestjs/common';
import { Command, Option, SubCommand } from 'nest-commander';
import { CatalogExportService } from '../../catalogs/catalog-export';
import { fileTooLarge, MAX_UPLOAD_BYTES } from '../../catalogs/catalog-file';
import { CatalogImportService } from '../../catalogs/catalog-import';
import { CliIo } from '../cli-io';
import { CliUsers } from '../cli-user';
import { CliCommand } from './base';

const asOption = { flags: '--as <username>', description: '以哪个账号办理（导入时必填：办理记录记载该账号）' };

@SubCommand({ name: 'import', arguments: '<catalogId> <file>', description: '导入目录事项文件（.xlsx 或 .csv），全部导入或者全部不导入' })
export class CatalogImportCommand extends CliCommand {
  constructor(
    @Inject(CliIo) io: CliIo,
    private readonly imports: CatalogImportService,
    private readonly users: CliUsers,
  ) {
    super(io);
  }

  @Option(asOption)
  parseAs(v: string): string {
    return v;
  }

  protected async execute([catalogId, file]: string[], options: { as?: string }): Promise<void> {
    const user = await this.users.asUser(options.as, false);
    const size = statSync(file).size;
    if (size > MAX_UPLOAD_BYTES) throw fileTooLarge();
    const started = Date.now();
    this.io.err(`读取 ${file}（${(size / 1024).toFixed(0)} KB）并逐行检查……`);
    const ext = extname(file).toLowerCase();
    const result = await this.imports.importItems(user, catalogId, {
      originalname: basename(file),
      mimetype: ext === '.csv' ? 'text/csv' : 'application/octet-stream',
      size,
      buffer: readFileSync(file),
    });
    this.io.out(`已导入 ${result.imported} 个目录事项（${result.format}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  }
}

@SubCommand({ name: 'export', arguments: '<catalogId> <file>', description: '按年度目录公布的格式导出目录（文件名以 .csv 结尾为 CSV，否则为 .xlsx）' })
export class CatalogExportCommand extends CliCommand {
  constructor(
    @Inject(CliIo) io: CliIo,
    private readonly exports: CatalogExportService,
    private readonly users: CliUsers,
  ) {
    super(io);
  }

  @Option(asOption)
  parseAs(v: string): string {
    return v;
  }

  protected async execute([catalogId, file]: string[], options: { as?: string }): Promise<void> {
    const user = await this.users.asUser(options.as, true);
    const exported = await this.exports.exportCatalog(user, catalogId, extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx');
    writeFileSync(file, exported.body);
    this.io.out(`已导出「${exported.name.replace(/\.(xlsx|csv)$/, '')}」到 ${file}`);
  }
}

@SubCommand({ name: 'template', arguments: '<file>', description: '生成目录模板（.xlsx），附填写说明' })
export class CatalogTemplateCommand extends CliCommand {
  constructor(
    @Inject(CliIo) io: CliIo,
    private readonly exports: CatalogExportService,
    private readonly users: CliUsers,
  ) {
    super(io);
  }

  @Option({ flags: '--as <username>', description: '按哪个账号列出可填写的承办单位' })
  parseAs(v: string): string {
    return v;
  }

  protected async execute([file]: string[], options: { as?: string }): Promise<void> {
    const template = await this.exports.template(await this.users.asUser(options.as, true));
    writeFileSync(file, template.body);
    this.io.out(`已生成目录模板 ${file}`);
  }
}

@Command({ name: 'catalog', description: '年度目录：导入、导出、模板', subCommands: [CatalogImportCommand, CatalogExportCommand, CatalogTemplateCommand] })
export class CatalogCommand extends CliCommand {
  constructor(@Inject(CliIo) io: CliIo) {
    super(io);
  }

  protected async execute(): Promise<void> {
    this.io.out(this.command.helpInformation());
  }
}
