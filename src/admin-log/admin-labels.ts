/**
 * The administrators' actions (单位和账号管理) that the admin log keeps, and the Chinese words a
 * person reads for them. Codes stay stable English for programs; every view shows the label too.
 */
export const ADMIN_ACTIONS = [
  'ORG_UNIT_CREATED',
  'ORG_UNIT_RENAMED',
  'ORG_UNIT_DEACTIVATED',
  'ORG_UNIT_REACTIVATED',
  'USER_CREATED',
  'USER_CHANGED',
  'USER_ROLES_CHANGED',
  'USER_DISABLED',
  'USER_ENABLED',
  'USER_PASSWORD_RESET',
  'USER_SESSIONS_REVOKED',
  'OWN_PASSWORD_CHANGED',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

export const ADMIN_ACTION_LABELS: Readonly<Record<AdminAction, string>> = {
  ORG_UNIT_CREATED: '新建单位',
  ORG_UNIT_RENAMED: '单位更名',
  ORG_UNIT_DEACTIVATED: '停用单位',
  ORG_UNIT_REACTIVATED: '重新启用单位',
  USER_CREATED: '开设账号',
  USER_CHANGED: '修改账号信息',
  USER_ROLES_CHANGED: '调整账号角色',
  USER_DISABLED: '停用账号',
  USER_ENABLED: '重新启用账号',
  USER_PASSWORD_RESET: '重置密码',
  USER_SESSIONS_REVOKED: '强制下线（注销全部登录）',
  OWN_PASSWORD_CHANGED: '本人修改密码',
};

/** What an entry is about. */
export const ADMIN_TARGET_KINDS = ['org_unit', 'user'] as const;
export type AdminTargetKind = (typeof ADMIN_TARGET_KINDS)[number];

export const ADMIN_TARGET_LABELS: Readonly<Record<AdminTargetKind, string>> = {
  org_unit: '单位',
  user: '账号',
};

/** The label of a code; a code stored by a later release shows as itself. */
export function adminActionLabel(action: string): string {
  return (ADMIN_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
