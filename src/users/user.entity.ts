import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user account. `roles` is a JSON array of Role; the password is only ever stored as a bcrypt hash. */
@Entity('app_user')
export class UserRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  /** Lowercase; unique. */
  @Column({ type: 'varchar', length: 64, unique: true }) username: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 100 }) passwordHash: string;
  @Column({ name: 'display_name', type: 'varchar', length: 200 }) displayName: string;
  /** Null only for the first administrator (see AuthUser). */
  @Column({ name: 'org_unit_id', type: 'varchar', length: 36, nullable: true }) orgUnitId: string | null;
  @Column({ type: 'text' }) roles: string;
  @Column({ type: 'boolean', default: false }) disabled: boolean;
  /** Raised whenever the account's existing tokens must end (see AccountLifecycle1796000001000). */
  @Column({ name: 'token_version', type: 'integer', default: 0 }) tokenVersion: number;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt: string;
}
