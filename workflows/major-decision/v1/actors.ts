/**
 * Who sends each event (the procedure's table of events and roles), and on behalf of which unit of the
 * decision. The definition only declares it; the HTTP layer enforces it (role → 403, unit → 404).
 */
import type { EventActor } from '../../definition';
import type { EventType } from './events';

const office: EventActor = { role: 'office', unit: 'organ' };
const department: EventActor = { role: 'department', unit: 'undertaking' };
const reviewer: EventActor = { role: 'legal_reviewer', unit: 'reviewing_government' };

export const EVENT_ACTORS: Record<EventType, EventActor> = {
  CATALOG_PUBLISHED: { role: 'system', unit: 'organ' },
  AMEND_REQUIREMENTS: office,
  START_DRAFTING: office,
  RECORD_DRAFT: department,
  OPEN_PUBLIC_COMMENT: department,
  CLOSE_PUBLIC_COMMENT: department,
  RECORD_PUBLIC_PARTICIPATION: department,
  RECORD_HEARING: department,
  RECORD_EXPERT_ARGUMENTATION: department,
  RECORD_RISK_ASSESSMENT: department,
  SUBMIT_LEGALITY_REVIEW: department,
  RETURN_MATERIALS: reviewer,
  ACCEPT_REVIEW: reviewer,
  ADD_LEGAL_OPINION: reviewer,
  CONCLUDE_REVIEW: reviewer,
  RECORD_REVISIONS: department,
  RECORD_DISCUSSION: office,
  REPORT_TO_PARTY_COMMITTEE: office,
  PUBLISH: office,
  // "Scope of implementation events": the implementing unit's department users.
  RECORD_IMPLEMENTATION_REPORT: { role: 'department', unit: 'implementing' },
  SUSPEND: office,
  RESUME: office,
  RECORD_EVALUATION: office,
  START_ADJUSTMENT: office,
  TERMINATE: office,
  ARCHIVE: office,
  WITHDRAW: office,
};
