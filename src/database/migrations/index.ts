import { ProcedureEngine1764300000000 } from './1764300000000-procedure-engine';
import { OrgUnitsAndUsers1764300001000 } from './1764300001000-org-units-and-users';
import { OverdueSteps1764300003000 } from './1764300003000-overdue-steps';
import { CatalogItems1795902765364 } from './1795902765364-catalog-items';
import { DecisionListIndexes1795902800000 } from './1795902800000-decision-list-indexes';
import { AccountLifecycle1796000001000 } from './1796000001000-account-lifecycle';
import { BoundedRefusals1796000002000 } from './1796000002000-bounded-refusals';
import { OrgUnitActive1796000003000 } from './1796000003000-org-unit-active';
import { AppendOnlyRecord1796000004000 } from './1796000004000-append-only-record';
import { AuditIncompleteIndexes1796000005000 } from './1796000005000-audit-incomplete-indexes';
import { ProvisionalCalendar1796000006000 } from './1796000006000-provisional-calendar';
import { AdminLogAndUnitNames1796000007000 } from './1796000007000-admin-log-and-unit-names';
import { AuditOverdueIndex1796000009000 } from './1796000009000-audit-overdue-index';
import { Checkpoints1796000010000 } from './1796000010000-checkpoints';

/** Every migration, oldest first. A schema change is a new file here, never `synchronize`. */
export const MIGRATIONS = [
  ProcedureEngine1764300000000,
  OrgUnitsAndUsers1764300001000,
  OverdueSteps1764300003000,
  CatalogItems1795902765364,
  DecisionListIndexes1795902800000,
  AccountLifecycle1796000001000,
  BoundedRefusals1796000002000,
  OrgUnitActive1796000003000,
  AppendOnlyRecord1796000004000,
  AuditIncompleteIndexes1796000005000,
  ProvisionalCalendar1796000006000,
  AdminLogAndUnitNames1796000007000,
  AuditOverdueIndex1796000009000,
  Checkpoints1796000010000,
];
