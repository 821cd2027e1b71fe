import { Inject } from '@nestjs/common';
import { Command, Option, SubCommand } from 'nest-commander';

import { validBody } from '../../catalogs/body-validation';
import { DomainError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { generatedPassword } from '../../users/admin-bootstrap';
import { CreateUserDto, ResetPasswordDto } from '../../users/user.dto';
import { UsersService } from '../../users/users.service';
import { CliIo } from '../cli-io';
import { cliActor, CliUsers } from '../cli-user';
import { CliCommand, collect } from './base';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@SubCommand({ name: 'create', arguments: '<username>', description: '开设账号（不给 --password 时生成一个并显示）' })
export class UsersCreateCommand extends CliCommand {
  constructor(
    @Inject(CliIo) io: CliIo,
    private readonly users: UsersService,
    private readonly runner: TransactionRunner,
  ) {
    super(io);
  }

  @Option({ flags: '--name <displayName>', description: '姓名（显示名称）', required: true })
  parseName(v: string): string {
    return v;
  }

  @Option({ flags: '--unit <unit>', description: '所属单位：全称或者 id', required: true })
  parseUnit(v: string): string {
    return v;
  }

  @Option({ flags: '--role <role>', description: '角色（可重复，或者用逗号隔开）：admin、office、department、legal_reviewer、auditor', required: true })
  parseRole(v: string, previous?: string[]): string[] {
    return collect(v, previous);
  }

  @Option({ flags: '--password <password>', description: '密码（不给时生成一个）' })
  parsePassword(v: string): string {
    return v;
  }

  protected async execute([username]: string[], o: { name: string; unit: string; role: string[]; password?: string }): Promise<void> {
    const orgUnitId = UUID.test(o.unit) ? o.unit : await this.unitId(o.unit);
    const password = o.password ?? generatedPassword(username.toLowerCase());
    const dto = await validBody(CreateUserDto, { username, password, displayName: o.name, orgUnitId, roles: o.role });
    const user = await this.users.create(dto, cliActor());
    this.io.out(`已开设账号 ${user.username}（${user.displayName}，${user.roles.join('、')}）`);
    if (!o.password) this.io.out(`初始密码：${password}`);
  }

  private async unitId(name: string): Promise<string> {
    const rows = await this.runner.read((tx) => tx.query<{ id: string }>('SELECT id FROM org_unit WHERE name = ?', [name]));
    if (rows.length !== 1) {
      throw new DomainError(400, 'VALIDATION_FAILED', rows.length ? `有 ${rows.length} 个名为「${name}」的单位：请用单位 id 指定` : `没有名为「${name}」的单位`, { errors: [{ field: '--unit', message: '单位不明确' }] });
    }
    return rows[0].id;
  }
}

@SubCommand({ name: 'disable', arguments: '<username>', description: '停用账号（其已签发的令牌随即失效）' })
export class UsersDisableCommand extends CliCommand {
  constructor(
    @Inject(CliIo) io: CliIo,
    private readonly users: UsersService,
    private readonly cliUsers: CliUsers,
  ) {
    super(io);
  }

  protected async execute([username]: string[]): Promise<void> {
    const user = await this.users.update(await this.cliUsers.idOf(username), { disabled: true }, cliActor());
    this.io.out(`已停用账号 ${user.username}`);
  }
}

@SubCommand({ name: 'reset-password', arguments: '<username>', description: '重置密码（不给 --password 时生成一个并显示）；其已签发的令牌随即失效' })
export class UsersResetPasswordCommand extends CliCommand {
  constructor(
    @Inject(CliIo) io: CliIo,
    private readonly users: UsersService,
    private readonly cliUsers: CliUsers,
  ) {
    super(io);
  }

  @Option({ flags: '--password <password>', description: '新密码（不给时生成一个）' })
  parsePassword(v: string): string {
    return v;
  }

  protected async execute([username]: string[], o: { password?: string }): Promise<void> {
    const id = await this.cliUsers.idOf(username);
    const password = o.password ?? generatedPassword(username.toLowerCase());
    const dto = await validBody(ResetPasswordDto, { password });
    await this.users.setPassword(id, dto.password, { field: 'password', refuseCurrent: false, actor: cliActor(), change: 'USER_PASSWORD_RESET' });
    this.io.out(`已重置 ${username.toLowerCase()} 的密码`);
    if (!o.password) this.io.out(`新密码：${password}`);
  }
}

@Command({ name: 'users', description: '账号：开设、停用、重置密码', subCommands: [UsersCreateCommand, UsersDisableCommand, UsersResetPasswordCommand] })
export class UsersCommand extends CliCommand {
  constructor(@Inject(CliIo) io: CliIo) {
    super(io);
  }

  protected async execute(): Promise<void> {
    this.io.out(this.command.helpInformation());
  }
}

