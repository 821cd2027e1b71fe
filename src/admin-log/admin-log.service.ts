import { Inject, Injectable } from '@nestjs/common';
import { businessDayRange } from '../audit/business-day-bounds';
import { BadRequestError } from '../common/errors/domain-error';
import { Page } from '../common/pagination';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TransactionRunner, type Tx } from '../database/transaction-runner';
import { unitNamesOf } from '../org-units/unit-names';
import { ADMIN_TARGET_LABELS, adminActionLabel, type AdminTargetKind } from './admin-labels';
import type { AdminLogQueryDto } from './admin-log.dto';
import { listAdminLog, type AdminLogSqlRow } from './admin-log.repository';

/** An admin log entry as GET /audit/admin-log shows it. */
export interface AdminLogView {
  id: string;
  recordedAt: string;
  action: string;
  actionLabel: string;
  actor: { userId: string; username: string; displayName: string | null } | null;
  target: { kind: string; kindLabel: string; id: string; name: string | null; username?: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  unitNames: Record<string, string>;
  note?: string;
}

/** The members of a logged state that name a unit. */
const UNIT_MEMBERS = ['orgUnitId', 'parentId'] as const;

/**
 * The admin log (管理操作日志) as the auditor reads it: every change of a unit or an account, newest
 * first, with who made it and what it changed. Read-only: no route changes or deletes an entry, and
 * the database refuses it too.
 */
@Injectable()
export class AdminLogService {
  constructor(
    private readonly runner: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: AdminLogQueryDto): Promise<Page<AdminLogView>> {
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      throw new BadRequestError([{ field: 'from', message: `from（${q.from}）不得晚于 to（${q.to}）` }], `查询期间有误：from（${q.from}）晚于 to（${q.to}）`);
    }
    const range = businessDayRange(this.config.businessTimeZone, q.from, q.to);
    return this.runner.read(async (tx) => {
      const { rows, total } = await listAdminLog(tx, { ...range, action: q.action }, q.offset, q.pageSize);
      return new Page(await this.views(tx, rows), total);
    });
  }

  private async views(tx: Tx, rows: AdminLogSqlRow[]): Promise<AdminLogView[]> {
    const parsed = rows.map((r) => ({ row: r, before: parseState(r.before_state), after: parseState(r.after_state) }));
    const unitIds = parsed.flatMap(({ before, after }) => [before, after].flatMap((s) => UNIT_MEMBERS.map((k) => s?.[k]).filter((v): v is string => typeof v === 'string')));
    const names = await unitNamesOf(tx, unitIds);
    return parsed.map(({ row: r, before, after }) => {
      const unitNames: Record<string, string> = {};
      for (const s of [before, after]) {
        for (const k of UNIT_MEMBERS) {
          const id = s?.[k];
          if (typeof id === 'string' && names.has(id)) unitNames[id] = names.get(id) as string;
        }
      }
      const kind = r.target_kind as AdminTargetKind;
      return {
        id: r.id,
        recordedAt: r.recorded_at,
        action: r.action,
        actionLabel: adminActionLabel(r.action),
        actor: r.actor_id === null ? null : { userId: r.actor_id, username: r.actor_username ?? '', displayName: r.actor_display_name },
        target: {
          kind: r.target_kind,
          kindLabel: ADMIN_TARGET_LABELS[kind] ?? r.target_kind,
          id: r.target_id,
          name: kind === 'org_unit' ? r.target_unit_name : r.target_user_name,
          ...(kind === 'user' && r.target_username !== null ? { username: r.target_username } : {}),
        },
        before,
        after,
        unitNames,
        ...(r.note !== null ? { note: r.note } : {}),
      };
    });
  }
}

function parseState(text: string | null): Record<string, unknown> | null {
  return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
}
