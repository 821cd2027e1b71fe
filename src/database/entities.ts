import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AdminLogRow } from '../admin-log/admin-log.entity';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { UserRow } from '../users/user.entity';

/*
 * The tables, as TypeORM sees them. Timestamps are ISO-8601 UTC strings and JSON members are text,
 * on every dialect: the record's hash is computed over exactly these strings.
 */

/** 年度重大行政决策事项目录: one per decision organ and year. */
@Entity('catalog')
@Index(['organId', 'year'], { unique: true })
export class CatalogRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'organ_id', type: 'varchar', length: 36 }) organId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'varchar', length: 16 }) status: string;
  @Column({ type: 'integer' }) revision: number;
  /** JSON: every publication with its party-committee approval. */
  @Column({ type: 'text' }) publications: string;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt: string;
}

/** A catalog item and the decision it becomes: its procedure state lives in `snapshot`. */
@Entity('decision')
export class DecisionRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'catalog_id', type: 'varchar', length: 36 }) catalogId: string;
  @Column({ name: 'organ_id', type: 'varchar', length: 36 }) organId: string;
  @Column({ name: 'undertaking_unit_id', type: 'varchar', length: 36 }) undertakingUnitId: string;
  @Column({ name: 'implementing_unit_id', type: 'varchar', length: 36, nullable: true }) implementingUnitId: string | null;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'varchar', length: 32 }) category: string;
  @Column({ name: 'definition_id', type: 'varchar', length: 64 }) definitionId: string;
  @Column({ name: 'definition_version', type: 'integer' }) definitionVersion: number;
  @Column({ type: 'varchar', length: 32 }) stage: string;
  @Column({ type: 'integer' }) revision: number;
  @Column({ type: 'boolean' }) complete: boolean;
  @Column({ type: 'text' }) snapshot: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'last_seq', type: 'integer' }) lastSeq: number;
  @Column({ name: 'last_hash', type: 'varchar', length: 64 }) lastHash: string;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt: string;
}

/** 决策过程记录: one row per accepted event, hash-chained, append-only. */
@Entity('procedure_record')
export class ProcedureRecordRow {
  @PrimaryColumn({ name: 'decision_id', type: 'varchar', length: 36 }) decisionId: string;
  @PrimaryColumn({ type: 'integer' }) seq: number;
  @Column({ type: 'integer' }) revision: number;
  @Column({ type: 'varchar', length: 48 }) type: string;
  @Column({ type: 'text' }) payload: string;
  @Column({ type: 'text' }) facts: string;
  @Column({ type: 'text' }) actor: string;
  @Column({ name: 'recorded_at', type: 'varchar', length: 30 }) recordedAt: string;
  @Column({ name: 'from_stage', type: 'varchar', length: 32, nullable: true }) fromStage: string | null;
  @Column({ name: 'to_stage', type: 'varchar', length: 32 }) toStage: string;
  @Column({ name: 'prev_hash', type: 'varchar', length: 64 }) prevHash: string;
  @Column({ type: 'varchar', length: 64 }) hash: string;
}

/** A refused attempt (a 422): kept in its own append-only table, never touching the decision. */
@Entity('violation_attempt')
export class ViolationAttemptRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'decision_id', type: 'varchar', length: 36, nullable: true }) decisionId: string | null;
  @Column({ name: 'organ_id', type: 'varchar', length: 36, nullable: true }) organId: string | null;
  @Column({ type: 'varchar', length: 48 }) event: string;
  @Column({ type: 'varchar', length: 64 }) code: string;
  @Column({ type: 'varchar', length: 32, nullable: true }) stage: string | null;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis: string;
  @Column({ type: 'text' }) missing: string;
  /** The payload's JSON, whole up to 2 KiB, else its first 2 KiB (`payloadTruncated`). */
  @Column({ type: 'text' }) payload: string;
  /** Size in bytes and SHA-256 of the whole payload JSON. */
  @Column({ name: 'payload_bytes', type: 'integer', nullable: true }) payloadBytes: number | null;
  @Column({ name: 'payload_sha256', type: 'varchar', length: 64, nullable: true }) payloadSha256: string | null;
  @Column({ name: 'payload_truncated', type: 'boolean', default: false }) payloadTruncated: boolean;
  @Column({ type: 'text' }) actor: string;
  @Column({ name: 'attempted_at', type: 'varchar', length: 30 }) attemptedAt: string;
}

export const ENTITIES = [CatalogRow, DecisionRow, ProcedureRecordRow, ViolationAttemptRow, OrgUnitRow, UserRow, AdminLogRow];
