import { Injectable } from '@nestjs/common';
import type { Role } from '../auth/auth-user';
import type { Tx } from '../database/transaction-runner';

/** A user as the service shows it: never with its password hash. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  orgUnitId: string | null;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A user with its credential, for login and password changes only. */
export interface UserWithCredential {
  user: User;
  passwordHash: string;
  tokenVersion: number;
}

/** What the JWT guard compares a token with: the user and the version its tokens must carry. */
export interface UserSession {
  user: User;
  tokenVersion: number;
}

/** What an administrator may change of an account (PATCH /users/:id), plus the password. */
export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
  orgUnitId?: string;
  passwordHash?: string;
}

type UserSqlRow = {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  org_unit_id: string | null;
  roles: string;
  disabled: number | boolean;
  token_version: number | string;
  created_at: string;
  updated_at: string;
};

const PUBLIC_COLUMNS = 'id, username, display_name, org_unit_id, roles, disabled, created_at, updated_at';

const toUser = (r: UserSqlRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  orgUnitId: r.org_unit_id,
  roles: JSON.parse(r.roles) as Role[],
  disabled: Boolean(r.disabled),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Accounts that can administer: `admin` alone (a set with other roles is refused everywhere), not disabled. */
const SOLE_ADMIN_ROLES = JSON.stringify(['admin']);

const toCredential = (r: UserSqlRow): UserWithCredential => ({
  user: toUser(r),
  passwordHash: r.password_hash,
  tokenVersion: Number(r.token_version),
});

/** SQL of the app_user table; every call runs inside the caller's unit of work. */
@Injectable()
export class UsersRepository {
  async insert(tx: Tx, user: User, passwordHash: string): Promise<void> {
    await tx.execute(
      `INSERT INTO app_user (id, username, password_hash, display_name, org_unit_id, roles, disabled, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        user.id,
        user.username,
        passwordHash,
        user.displayName,
        user.orgUnitId,
        JSON.stringify(user.roles),
        // better-sqlite3 binds no booleans; PostgreSQL reads '0'/'1' as boolean input.
        user.disabled ? 1 : 0,
        user.createdAt,
        user.updatedAt,
      ],
    );
  }

  async findById(tx: Tx, id: string): Promise<User | undefined> {
    const rows = await tx.query<UserSqlRow>(`SELECT ${PUBLIC_COLUMNS} FROM app_user WHERE id = ?`, [id]);
    return rows[0] && toUser(rows[0]);
  }

  async findSession(tx: Tx, id: string): Promise<UserSession | undefined> {
    const rows = await tx.query<UserSqlRow>(`SELECT ${PUBLIC_COLUMNS}, token_version FROM app_user WHERE id = ?`, [id]);
    return rows[0] && { user: toUser(rows[0]), tokenVersion: Number(rows[0].token_version) };
  }

  async findCredential(tx: Tx, username: string): Promise<UserWithCredential | undefined> {
    const rows = await tx.query<UserSqlRow>(
      `SELECT ${PUBLIC_COLUMNS}, password_hash, token_version FROM app_user WHERE username = ?`,
      [username],
    );
    return rows[0] && toCredential(rows[0]);
  }

  async findCredentialById(tx: Tx, id: string): Promise<UserWithCredential | undefined> {
    const rows = await tx.query<UserSqlRow>(`SELECT ${PUBLIC_COLUMNS}, password_hash, token_version FROM app_user WHERE id = ?`, [id]);
    return rows[0] && toCredential(rows[0]);
  }

  /**
   * Applies `changes` and sets `updated_at`; with `endTokens`, also raises the token version, which
   * ends every token issued before. Returns the token version now in force, or undefined when no
   * such user exists.
   */
  async update(tx: Tx, id: string, changes: UserChanges, endTokens: boolean, updatedAt: string): Promise<number | undefined> {
    const sets: string[] = ['updated_at = ?'];
    const params: unknown[] = [updatedAt];
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`);
      params.push(value);
    };
    if (changes.displayName !== undefined) set('display_name', changes.displayName);
    if (changes.roles !== undefined) set('roles', JSON.stringify(changes.roles));
    if (changes.disabled !== undefined) set('disabled', changes.disabled ? 1 : 0);
    if (changes.orgUnitId !== undefined) set('org_unit_id', changes.orgUnitId);
    if (changes.passwordHash !== undefined) set('password_hash', changes.passwordHash);
    if (endTokens) sets.push('token_version = token_version + 1');
    if ((await tx.execute(`UPDATE app_user SET ${sets.join(', ')} WHERE id = ?`, [...params, id])) === 0) return undefined;
    const [row] = await tx.query<{ token_version: number | string }>('SELECT token_version FROM app_user WHERE id = ?', [id]);
    return Number(row.token_version);
  }

  /**
   * How many enabled accounts other than `targetId` hold `admin` alone. On PostgreSQL the rows of
   * those accounts and of the target are locked for the rest of the transaction, in id order (so
   * that two such transactions cannot deadlock) and rechecked after a concurrent commit: two
   * administrators disabling each other at once cannot both pass the count.
   */
  async lockOtherActiveAdmins(tx: Tx, targetId: string): Promise<number> {
    const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM app_user WHERE (roles = ? AND NOT disabled) OR id = ? ORDER BY id${lock}`,
      [SOLE_ADMIN_ROLES, targetId],
    );
    return rows.filter((r) => r.id !== targetId).length;
  }

  async usernameTaken(tx: Tx, username: string): Promise<boolean> {
    const rows = await tx.query('SELECT 1 AS taken FROM app_user WHERE username = ?', [username]);
    return rows.length > 0;
  }

  async list(tx: Tx, offset: number, limit: number): Promise<User[]> {
    const rows = await tx.query<UserSqlRow>(
      `SELECT ${PUBLIC_COLUMNS} FROM app_user ORDER BY created_at, id LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    return rows.map(toUser);
  }

  async count(tx: Tx): Promise<number> {
    const [row] = await tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM app_user');
    return Number(row.n);
  }
}
