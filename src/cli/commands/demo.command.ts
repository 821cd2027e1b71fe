import { Inject } from '@nestjs/common';
import { Command } from 'nest-commander';
import { CliIo } from '../cli-io';
import { DemoService } from '../demo';
import { CliCommand } from './base';

@Command({ name: 'demo', description: '在空数据库中写入前进区演示数据（数据库中已有数据时拒绝，退出码为 2）' })
export class DemoCommand extends CliCommand {
  constructor(
    @Inject(CliIo) io: CliIo,
    private readonly demo: DemoService,
  ) {
    super(io);
  }

  protected async execute(): Promise<void> {
    await this.demo.run(this.io);
  }
}
