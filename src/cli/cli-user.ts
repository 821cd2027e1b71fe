import { Injectable } from '@nestjs/common';
import type { AuthUser, Role } from '../auth/auth-user';
import { roleConflict } from '../auth/role-combinations';
import { DomainError } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import type { AdminLogActor } from '../admin-log/admin-log';
import { userInfo } from 'node:os';

/**
 * Who a command acts as. `--as <username>` names an account, which must be enabled and hold a
 * lawful set of roles, exactly as a signed-in request: the services then apply its scope and
 * roles, and the record names it. Without `--as`, a command that only reads acts as an auditor
 * (it reads everything and changes nothing): whoever runs the command line holds the database
 * file or its connection string already.
 */
@Injectable()
export class CliUsers {
  constructor(private readonly runner: TransactionRunner) {}

  async asUser(username: string | undefined, reading: boolean): Promise<AuthUser> {
    if (username === undefined) {
      if (reading) return { userId: 'cli', username: 'cli', roles: ['auditor'], orgUnitId: null };
      throw new DomainError(400, 'VALIDATION_FAILED', '请用 --as <用户名> 指定以哪个账号办理（办理记录将记载该账号）', { errors: [{ field: '--as', message: '缺少 --as' }] });
    }
    const [row] = await this.runner.read((tx) =>
      tx.query<{ id: string; username: string; roles: string; org_unit_id: string | null; disabled: number | boolean }>(
        'SELECT id, username, roles, org_unit_id, disabled FROM app_user WHERE username = ?',
        [username.toLowerCase()],
      ),
    );
    if (!row) throw new DomainError(400, 'VALIDATION_FAILED', `没有用户名为「${username}」的账号`, { errors: [{ field: '--as', message: '没有这个账号' }] });
    if (row.disabled === true || Number(row.disabled) === 1) throw new DomainError(400, 'VALIDATION_FAILED', `账号「${username}」已停用`, { errors: [{ field: '--as', message: '账号已停用' }] });
    const roles = JSON.parse(row.roles) as Role[];
    const conflict = roleConflict(roles);
    if (conflict) throw new DomainError(403, 'ROLE_CONFLICT', `账号「${username}」${conflict}：请系统管理员先改正其角色`);
    return { userId: row.id, username: row.username, roles, orgUnitId: row.org_unit_id };
  }

  /** The id of an account by its username, or a 400 naming it. */
  async idOf(username: string): Promise<string> {
    const [row] = await this.runner.read((tx) => tx.query<{ id: string }>('SELECT id FROM app_user WHERE username = ?', [username.toLowerCase()]));
    if (!row) throw new DomainError(400, 'VALIDATION_FAILED', `没有用户名为「${username}」的账号`, { errors: [{ field: 'username', message: '没有这个账号' }] });
    return row.id;
  }
}

/** The admin log's actor for what an operator does through the command line: the system account that ran it. */
export function cliActor(): AdminLogActor {
  let who = 'unknown';
  try {
    who = userInfo().username;
  } catch {
    // no passwd entry (a container): the log still says it came from the command line
  }
  return { userId: 'cli', username: `cli:${who}`.slice(0, 64) };
}
