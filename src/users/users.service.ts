import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { appendAdminLog, type AdminLogActor } from '../admin-log/admin-log';
import { roleLabel } from '../../workflows/labels';
import type { Role } from '../auth/auth-user';
import { isSoleAdmin, roleConflict } from '../auth/role-combinations';
import { BadRequestError, DomainError, NotFoundError } from '../common/errors/domain-error';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { Page, type PageQueryDto } from '../common/pagination';
import { TransactionRunner, type Tx } from '../database/transaction-runner';
import { OrgUnitsService } from '../org-units/org-units.service';
import { nameIn, unitNamesOf } from '../org-units/unit-names';
import { PasswordHasher } from './password-hasher';
import { PASSWORD_RULE_MESSAGES } from './password-policy';
import { UsersRepository, type User, type UserChanges, type UserSession } from './users.repository';

export type { User, UserSession } from './users.repository';

export interface CreateUserInput {
  username: string;
  password: string;
  displayName: string;
  orgUnitId: string;
  roles: Role[];
}

/** What an administrator may change of an account (PATCH /users/:id). */
export interface UpdateUserInput {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
  orgUnitId?: string;
}

/** A user as the HTTP views show it: with the name of its unit, read now. */
export type UserView = User & { orgUnitName: string | null; /** The word of each of `roles`, in the same order. */ roleLabels: string[] };

/** Whose password changes: an administrator's reset of an account, or a user's change of their own. */
export type PasswordChange = 'USER_PASSWORD_RESET' | 'OWN_PASSWORD_CHANGED';

/** A set of roles that may not be held together: 400 naming `roles`. */
export const roleConflictError = (message: string) =>
  new DomainError(400, 'ROLE_CONFLICT', `${message}：请分别为不同的人员开设账号。`, { errors: [{ field: 'roles', message }] });

const orgUnitNotFound = (id: string) =>
  new DomainError(400, 'ORG_UNIT_NOT_FOUND', `没有编号为「${id}」的单位：请从单位列表中选择账号所属的单位`, {
    errors: [{ field: 'orgUnitId', message: '不是已登记的单位' }],
  });

/** An enabled account belongs to an active unit (a deactivated unit has none, see OrgUnitsService.update). */
const orgUnitInactive = (name: string, field: string) =>
  new DomainError(400, 'ORG_UNIT_INACTIVE', `「${name}」已经停用，不能再有在用的账号：请选择其他单位。`, {
    errors: [{ field, message: `${field === 'orgUnitId' ? '所指单位' : '账号所属单位'}已停用` }],
  });

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));

const usernameTaken = (username: string) =>
  new DomainError(409, 'USERNAME_TAKEN', `用户名「${username}」已被使用：请换一个用户名`, {
    errors: [{ field: 'username', message: '已被使用，请换一个' }],
  });

/**
 * User accounts. Passwords go in as plain text and come out nowhere: only their bcrypt hash is
 * stored. Every change (creation, display name, unit, roles, disabling, a password set or changed,
 * sessions ended) is written to the admin log in the transaction that makes it, with who made it
 * (`actor`) and the changed fields before and after — never a password or its hash.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly repo: UsersRepository,
    private readonly orgUnits: OrgUnitsService,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(input: CreateUserInput, actor: AdminLogActor | null): Promise<UserView> {
    const username = input.username.toLowerCase();
    const conflict = roleConflict(input.roles);
    if (conflict) throw roleConflictError(conflict);
    const unit = await this.orgUnits.current(input.orgUnitId);
    if (!unit) throw orgUnitNotFound(input.orgUnitId);
    if (!unit.active) throw orgUnitInactive(unit.name, 'orgUnitId');
    // Refuse a taken name before spending a bcrypt round; checked again below, inside the write.
    if (await this.runner.read((tx) => this.repo.usernameTaken(tx, username))) throw usernameTaken(username);
    // Hashing is slow by design: done outside the write so that it holds no lock.
    const passwordHash = await this.hasher.hash(input.password);
    const now = new Date().toISOString();
    const user: User = {
      id: randomUUID(),
      username,
      displayName: input.displayName,
      orgUnitId: input.orgUnitId,
      roles: [...input.roles],
      disabled: false,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.runner.write(async (tx) => {
        if (await this.repo.usernameTaken(tx, username)) throw usernameTaken(username);
        await this.repo.insert(tx, user, passwordHash);
        await appendAdminLog(tx, {
          action: 'USER_CREATED',
          actor,
          targetKind: 'user',
          targetId: user.id,
          after: { username, displayName: user.displayName, orgUnitId: user.orgUnitId, roles: user.roles, disabled: false },
          at: now,
        });
      });
    } catch (err) {
      // PostgreSQL, two instances: the unique index settles a race the check above did not see.
      if (isUniqueViolation(err)) throw usernameTaken(username);
      throw err;
    }
    return { ...user, orgUnitName: unit.name, roleLabels: user.roles.map(roleLabel) };
  }

  /** A page of accounts, oldest first, each with its unit's name. */
  list(query: PageQueryDto): Promise<Page<UserView>> {
    return this.runner.read(async (tx) => new Page(await this.withUnitNames(tx, await this.repo.list(tx, query.offset, query.pageSize)), await this.repo.count(tx)));
  }

  async get(id: string): Promise<UserView> {
    return this.runner.read(async (tx) => {
      const user = await this.repo.findById(tx, id);
      if (!user) throw new NotFoundError('User', id);
      return (await this.withUnitNames(tx, [user]))[0];
    });
  }

  /** The user with its unit's name as the database has it now. */
  named(user: User): Promise<UserView> {
    return this.runner.read(async (tx) => (await this.withUnitNames(tx, [user]))[0]);
  }

  private async withUnitNames(tx: Tx, users: User[]): Promise<UserView[]> {
    const names = await unitNamesOf(tx, users.map((u) => u.orgUnitId));
    return users.map((u) => ({ ...u, orgUnitName: nameIn(names, u.orgUnitId), roleLabels: u.roles.map(roleLabel) }));
  }

  /** The user (disabled or not) and the token version in force: what the JWT guard checks a token against. */
  findSession(id: string): Promise<UserSession | undefined> {
    return this.runner.read((tx) => this.repo.findSession(tx, id));
  }

  /**
   * The user whose username and password these are, if it is active; undefined otherwise, after
   * the same bcrypt work either way (no hint about which usernames exist).
   */
  async verifyCredentials(username: string, password: string): Promise<UserSession | undefined> {
    const found = await this.runner.read((tx) => this.repo.findCredential(tx, username.toLowerCase()));
    if (!found) {
      await this.hasher.burn(password);
      return undefined;
    }
    const ok = await this.hasher.verify(password, found.passwordHash);
    return ok && !found.user.disabled ? { user: found.user, tokenVersion: found.tokenVersion } : undefined;
  }

  /** Whether `password` is the current password of this active user. */
  async checkPassword(id: string, password: string): Promise<boolean> {
    const found = await this.runner.read((tx) => this.repo.findCredentialById(tx, id));
    if (!found) {
      await this.hasher.burn(password);
      return false;
    }
    return (await this.hasher.verify(password, found.passwordHash)) && !found.user.disabled;
  }

  /**
   * An administrator's change of an account. A change of roles, unit or `disabled` ends the user's
   * existing tokens at once; the display name alone does not. The last enabled administrator can
   * be neither disabled nor given other roles: nobody could administer the district any more.
   */
  async update(id: string, input: UpdateUserInput, actor: AdminLogActor | null): Promise<UserView> {
    const conflict = input.roles && roleConflict(input.roles);
    if (conflict) throw roleConflictError(conflict);
    if (input.orgUnitId !== undefined && !(await this.orgUnits.current(input.orgUnitId))) throw orgUnitNotFound(input.orgUnitId);
    return this.runner.write(async (tx) => {
      const otherAdmins = await this.repo.lockOtherActiveAdmins(tx, id);
      const current = await this.repo.findById(tx, id);
      if (!current) throw new NotFoundError('User', id);
      const next: User = {
        ...current,
        displayName: input.displayName ?? current.displayName,
        roles: input.roles ? [...input.roles] : current.roles,
        disabled: input.disabled ?? current.disabled,
        orgUnitId: input.orgUnitId ?? current.orgUnitId,
      };
      const administers = (u: User) => isSoleAdmin(u.roles) && !u.disabled;
      if (administers(current) && !administers(next) && otherAdmins === 0) {
        throw new DomainError(
          409,
          'LAST_ACTIVE_ADMIN',
          '这是唯一在用的系统管理员账号，不能停用或者改变其角色，否则将无人能够管理单位和用户：请先为另一人开设系统管理员账号。',
        );
      }
      if (next.orgUnitId === null && !next.roles.includes('admin')) {
        throw new BadRequestError([{ field: 'orgUnitId', message: '除系统管理员外，每个账号都须属于一个单位：请同时指定 orgUnitId' }]);
      }
      const unitChanged = next.orgUnitId !== current.orgUnitId;
      if (!next.disabled && next.orgUnitId !== null && (unitChanged || current.disabled)) {
        const unit = await this.orgUnits.current(next.orgUnitId, tx);
        if (unit && !unit.active) throw orgUnitInactive(unit.name, unitChanged ? 'orgUnitId' : 'disabled');
      }
      const changes: UserChanges = {};
      if (next.displayName !== current.displayName) changes.displayName = next.displayName;
      if (!sameRoles(next.roles, current.roles)) changes.roles = next.roles;
      if (next.disabled !== current.disabled) changes.disabled = next.disabled;
      if (next.orgUnitId !== current.orgUnitId && next.orgUnitId !== null) changes.orgUnitId = next.orgUnitId;
      if (Object.keys(changes).length === 0) return (await this.withUnitNames(tx, [current]))[0];
      const endTokens = changes.roles !== undefined || changes.disabled !== undefined || changes.orgUnitId !== undefined;
      next.updatedAt = new Date().toISOString();
      await this.repo.update(tx, id, changes, endTokens, next.updatedAt);
      for (const entry of changeEntries(current, changes)) await appendAdminLog(tx, { ...entry, actor, targetKind: 'user', targetId: id, at: next.updatedAt });
      return (await this.withUnitNames(tx, [next]))[0];
    });
  }

  /**
   * Sets a new password and ends every existing token of the user; returns the token version now in
   * force. `field` names the password in the request, for the 400s; the rules that do not depend on
   * the account were checked on the body already. Only the user's own change refuses the current
   * password again: for an administrator's reset that answer would tell whether a guess is right.
   */
  async setPassword(id: string, password: string, options: { field: string; refuseCurrent: boolean; actor: AdminLogActor; change: PasswordChange }): Promise<UserSession> {
    const { field } = options;
    const found = await this.runner.read((tx) => this.repo.findCredentialById(tx, id));
    if (!found) throw new NotFoundError('User', id);
    if (password.toLowerCase().includes(found.user.username)) {
      throw new BadRequestError([{ field, message: PASSWORD_RULE_MESSAGES.containsUsername }]);
    }
    if (options.refuseCurrent && (await this.hasher.verify(password, found.passwordHash))) {
      throw new BadRequestError([{ field, message: '新密码不能与现在的密码相同' }]);
    }
    const passwordHash = await this.hasher.hash(password);
    const updatedAt = new Date().toISOString();
    const tokenVersion = await this.runner.write(async (tx) => {
      const version = await this.repo.update(tx, id, { passwordHash }, true, updatedAt);
      if (version !== undefined) await appendAdminLog(tx, { action: options.change, actor: options.actor, targetKind: 'user', targetId: id, at: updatedAt });
      return version;
    });
    if (tokenVersion === undefined) throw new NotFoundError('User', id);
    return { user: { ...found.user, updatedAt }, tokenVersion };
  }

  /** Ends every existing token of the user (POST /users/:id/sessions/revoke). */
  async revokeSessions(id: string, actor: AdminLogActor | null): Promise<void> {
    const at = new Date().toISOString();
    const done = await this.runner.write(async (tx) => {
      const version = await this.repo.update(tx, id, {}, true, at);
      if (version !== undefined) await appendAdminLog(tx, { action: 'USER_SESSIONS_REVOKED', actor, targetKind: 'user', targetId: id, at });
      return version;
    });
    if (done === undefined) throw new NotFoundError('User', id);
  }

  /**
   * The first administrator, created only while no user exists at all. False when there already
   * is one (including one created a moment ago by another instance).
   */
  async createFirstAdmin(username: string, password: string): Promise<boolean> {
    if ((await this.runner.read((tx) => this.repo.count(tx))) > 0) return false;
    const passwordHash = await this.hasher.hash(password);
    const now = new Date().toISOString();
    const admin: User = {
      id: randomUUID(),
      username: username.toLowerCase(),
      displayName: '系统管理员',
      orgUnitId: null,
      roles: ['admin'],
      disabled: false,
      createdAt: now,
      updatedAt: now,
    };
    try {
      return await this.runner.write(async (tx) => {
        if ((await this.repo.count(tx)) > 0) return false;
        await this.repo.insert(tx, admin, passwordHash);
        await appendAdminLog(tx, {
          action: 'USER_CREATED',
          actor: null,
          targetKind: 'user',
          targetId: admin.id,
          after: { username: admin.username, displayName: admin.displayName, orgUnitId: null, roles: admin.roles, disabled: false },
          note: '首次启动时由系统创建的第一个系统管理员',
          at: now,
        });
        return true;
      });
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}

/**
 * The admin log entries of an administrator's change of an account: the display name and the unit
 * (USER_CHANGED), the roles, and disabling or enabling, each with the fields it changed.
 */
function changeEntries(current: User, changes: UserChanges): Array<{ action: 'USER_CHANGED' | 'USER_ROLES_CHANGED' | 'USER_DISABLED' | 'USER_ENABLED'; before: Record<string, unknown>; after: Record<string, unknown> }> {
  const out: ReturnType<typeof changeEntries> = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (changes.displayName !== undefined) {
    before.displayName = current.displayName;
    after.displayName = changes.displayName;
  }
  if (changes.orgUnitId !== undefined) {
    before.orgUnitId = current.orgUnitId;
    after.orgUnitId = changes.orgUnitId;
  }
  if (Object.keys(after).length) out.push({ action: 'USER_CHANGED', before, after });
  if (changes.roles !== undefined) out.push({ action: 'USER_ROLES_CHANGED', before: { roles: current.roles }, after: { roles: changes.roles } });
  if (changes.disabled !== undefined) {
    out.push({ action: changes.disabled ? 'USER_DISABLED' : 'USER_ENABLED', before: { disabled: current.disabled }, after: { disabled: changes.disabled } });
  }
  return out;
}
