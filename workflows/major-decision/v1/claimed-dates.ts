/**
 * The date each event's record row claims: the day on which what it records happened, as its
 * payload states it. The server time the row was recorded at is kept beside it (`recordedAt`); a
 * row recorded long after the day it claims is a step done on paper afterwards (事后补程序), the
 * commonest finding of inspections (SC713-33, SC713-39).
 *
 * Each event belongs to the step it records or moves forward; implementation events (reports,
 * suspension, evaluation, termination), requirement amendments and a withdrawal belong to none.
 * An adjustment restarts the procedure: it is the next revision's `start`.
 */
import type { ClaimedDate } from '../../definition';
import type { EVENT_PAYLOADS, EventType } from './events';
import type { StepId } from './steps';

/** The payload field of each event that holds its date (the compiler checks that the field exists). */
type DateFieldOf = { [K in EventType]: Extract<keyof (typeof EVENT_PAYLOADS)[K], string> };

const field = {
  CATALOG_PUBLISHED: 'publishedOn',
  AMEND_REQUIREMENTS: 'amendedOn',
  START_DRAFTING: 'startedOn',
  RECORD_DRAFT: 'draftedOn',
  OPEN_PUBLIC_COMMENT: 'startOn',
  CLOSE_PUBLIC_COMMENT: 'closedOn',
  RECORD_PUBLIC_PARTICIPATION: 'heldOn',
  RECORD_HEARING: 'heldOn',
  RECORD_EXPERT_ARGUMENTATION: 'heldOn',
  RECORD_RISK_ASSESSMENT: 'assessedOn',
  SUBMIT_LEGALITY_REVIEW: 'submittedOn',
  RETURN_MATERIALS: 'returnedOn',
  ACCEPT_REVIEW: 'acceptedOn',
  ADD_LEGAL_OPINION: 'givenOn',
  CONCLUDE_REVIEW: 'concludedOn',
  RECORD_REVISIONS: 'revisedOn',
  RECORD_DISCUSSION: 'meetingOn',
  REPORT_TO_PARTY_COMMITTEE: 'reportedOn',
  PUBLISH: 'publishedOn',
  RECORD_IMPLEMENTATION_REPORT: 'reportedOn',
  SUSPEND: 'on',
  RESUME: 'on',
  RECORD_EVALUATION: 'evaluatedOn',
  START_ADJUSTMENT: 'startedOn',
  TERMINATE: 'terminatedOn',
  ARCHIVE: 'archivedOn',
  WITHDRAW: 'withdrawnOn',
} as const satisfies DateFieldOf;

const step: Record<EventType, StepId | null> = {
  CATALOG_PUBLISHED: 'catalog',
  AMEND_REQUIREMENTS: null,
  START_DRAFTING: 'start',
  RECORD_DRAFT: 'draft',
  OPEN_PUBLIC_COMMENT: 'publicParticipation',
  CLOSE_PUBLIC_COMMENT: 'publicParticipation',
  RECORD_PUBLIC_PARTICIPATION: 'publicParticipation',
  RECORD_HEARING: 'hearing',
  RECORD_EXPERT_ARGUMENTATION: 'expertArgumentation',
  RECORD_RISK_ASSESSMENT: 'riskAssessment',
  SUBMIT_LEGALITY_REVIEW: 'legalityReview',
  RETURN_MATERIALS: 'legalityReview',
  ACCEPT_REVIEW: 'legalityReview',
  ADD_LEGAL_OPINION: 'legalityReview',
  CONCLUDE_REVIEW: 'legalityReview',
  RECORD_REVISIONS: 'revisions',
  RECORD_DISCUSSION: 'collectiveDiscussion',
  REPORT_TO_PARTY_COMMITTEE: 'partyCommitteeReport',
  PUBLISH: 'publication',
  RECORD_IMPLEMENTATION_REPORT: null,
  SUSPEND: null,
  RESUME: null,
  RECORD_EVALUATION: null,
  START_ADJUSTMENT: 'start',
  TERMINATE: null,
  ARCHIVE: 'archive',
  WITHDRAW: null,
};

/** Event type → the payload field holding the date its record row claims, and its step. */
export const CLAIMED_DATES: Readonly<Record<EventType, ClaimedDate>> = Object.freeze(
  Object.fromEntries((Object.keys(field) as EventType[]).map((type) => [type, Object.freeze({ field: field[type], step: step[type] })])) as Record<EventType, ClaimedDate>,
);
