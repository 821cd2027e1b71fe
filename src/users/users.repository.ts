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

/** A user with its credential, for login only. */
export interface UserWithCredential {
  user: User;
  passwordHash: string;
}

type UserSqlRow = {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  org_unit_id: string | null;
  roles: string;
  disabled: number | boolean;
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

  async findCredential(tx: Tx, username: string): Promise<UserWithCredential | undefined> {
    const rows = await tx.query<UserSqlRow>(`SELECT ${PUBLIC_COLUMNS}, password_hash FROM app_user WHERE username = ?`, [
      username,
    ]);
    return rows[0] && { user: toUser(rows[0]), passwordHash: rows[0].password_hash };
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
