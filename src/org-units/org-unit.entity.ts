import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ORG_UNIT_KINDS = ['government', 'department', 'street'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/**
 * An organisation unit. A `government` (人民政府) is a decision organ (决策机关); a `department`
 * (工作部门) or `street` (街道办事处) sits under one and is also an organ for its own catalogs.
 * Units are never deleted and never move, so a unit's chain of parents never changes; a unit that
 * is dissolved or merged is deactivated (`active` false) and kept, since decisions name it.
 */
@Entity('org_unit')
export class OrgUnitRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 16 }) kind: string;
  @Index('ix_org_unit_parent')
  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 30, nullable: true }) updatedAt: string | null;
}
