import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 管理操作日志: one row per administrator's action on a unit or an account (and a user's change of
 * their own password), append-only like the procedure record. States are JSON text; names are not
 * copied here but read at read time (the actor's display name, the unit's or account's name now).
 */
@Entity('admin_log')
@Index('ix_admin_log_time', ['recordedAt', 'id'])
@Index('ix_admin_log_action', ['action', 'recordedAt', 'id'])
export class AdminLogRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'recorded_at', type: 'varchar', length: 30 }) recordedAt: string;
  @Column({ type: 'varchar', length: 48 }) action: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true }) actorId: string | null;
  @Column({ name: 'actor_username', type: 'varchar', length: 64, nullable: true }) actorUsername: string | null;
  @Column({ name: 'target_kind', type: 'varchar', length: 16 }) targetKind: string;
  @Column({ name: 'target_id', type: 'varchar', length: 36 }) targetId: string;
  @Column({ name: 'before_state', type: 'text', nullable: true }) beforeState: string | null;
  @Column({ name: 'after_state', type: 'text', nullable: true }) afterState: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
}
