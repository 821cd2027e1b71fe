import type { EventType } from './events';
import { STEPS, type StepId } from './steps';

export interface Requirement {
  required: boolean;
  reason?: string;
}
export interface Requirements {
  publicParticipation: Requirement;
  hearing: Requirement;
  expertArgumentation: Requirement;
  riskAssessment: Requirement;
  partyCommitteeReport?: Requirement;
}
export type RequirementKey = keyof Requirements;

export const STAGES = [
  'proposed',
  'cataloged',
  'drafting',
  'legality_review',
  'revising',
  'awaiting_discussion',
  'decided',
  'reported',
  'published',
  'rejected',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

export type ReviewStatus = 'none' | 'submitted' | 'in_review' | 'returned' | 'concluded';
export type Conclusion = 'lawful' | 'lawful_with_revisions' | 'unlawful' | 'exploratory_risk_disclosed';

/** The procedure state the guards read: everything a rule needs, nothing the record already keeps. */
export interface ProcedureContext {
  revision: number;
  requirements: Requirements;
  affectsMarket: boolean;
  /** Step → the business date the step was completed in this revision. */
  done: Partial<Record<StepId, string>>;
  drafts: Array<{ draftVersion: string; draftedOn: string }>;
  comment?: { startOn: string; endOn: string; shortened: boolean };
  /** Latest risk assessment: the one that governs. */
  risk?: { assessedOn: string; controllable: boolean };
  review: {
    round: number;
    status: ReviewStatus;
    submittedOn?: string;
    /** The date the submission asked the reviewer to conclude by: the review's deadline. */
    requestedDueOn?: string;
    acceptedOn?: string;
    draftVersion?: string;
    /** Opinions of the current round only. */
    opinions: Array<{ seq: number; givenOn: string; authorKind: string }>;
    conclusion?: Conclusion;
    /** Date the previous round ended (returned, concluded unlawful, or the meeting's return). */
    endedOn?: string;
  };
  /** After an `unlawful` conclusion or a meeting's `return`: drafts not newer than this cannot be resubmitted. */
  staleDraftVersions: string[];
  revisionsRequired: boolean;
  discussion?: { meetingOn: string; headDecision: string; meetingRef: string; implementingUnitId?: string };
  /** Persons who did the pre-decision argumentation (an evaluator among them is not independent). */
  preDecisionParticipants: string[];
  inForce?: { revision: number; status: 'in_force' | 'suspended' };
  implementation?: { status: 'in_force' | 'suspended' | 'terminated'; since: string };
  endedOn?: { withdrawn?: string; rejected?: string };
  /** The decision was withdrawn before its procedure started: nothing to archive. */
  withdrawnBeforeStart?: boolean;
  flags: string[];
  /** The latest business date recorded by any event. */
  lastDate?: string;
  /** Version 2: the market regulator's finding on the latest draft that had a fair competition review (FCR-14). */
  fairCompetitionFinding?: string;
  /** Version 2: what was recorded after the archive and is not yet archived (SC713-33), as `TYPE seq`. */
  unarchived?: string[];
  /** Version 2: the latest report of a problem in the implementation (SC713-35), which an urgent suspension rests on. */
  problemReportedOn?: string;
  /** Version 2: what the adjustment under way is for (SC713-37): a change of the decision, or stopping it. */
  adjustmentPurpose?: 'amend' | 'terminate';
  /** Version 2: the last day the published decision states it is valid (有效期至). */
  validUntil?: string;
  /** Version 2: the kind of the deciding organ (SC713-42), which names the meeting that discusses the draft. */
  organKind?: string;
  /** Version 2: whether the approved decision is a matter the people's congress decides or hears before it is issued (SC713-8). */
  peopleCongressMatter?: string;
  /** The catalog year and the item's planned dates: the first deadlines (absent in snapshots older than them). */
  year?: number;
  plannedStartOn?: string;
  plannedDecisionOn?: string;
}

export interface ProcedureInput {
  requirements: Requirements;
  affectsMarket?: boolean;
  /** The year of the catalog holding the item. */
  year?: number;
  /** The kind of the catalog's organ (`government`, `department`, `street`); absent: a government. */
  organKind?: string;
  plannedStartOn?: string;
  plannedDecisionOn?: string;
}

export function initialContext(input: ProcedureInput): ProcedureContext {
  return {
    revision: 1,
    requirements: input.requirements,
    affectsMarket: input.affectsMarket === true,
    done: {},
    drafts: [],
    review: { round: 0, status: 'none', opinions: [] },
    staleDraftVersions: [],
    revisionsRequired: false,
    preDecisionParticipants: [],
    flags: [],
    ...(input.year !== undefined ? { year: input.year } : {}),
    ...(input.organKind !== undefined ? { organKind: input.organKind } : {}),
    ...(input.plannedStartOn !== undefined ? { plannedStartOn: input.plannedStartOn } : {}),
    ...(input.plannedDecisionOn !== undefined ? { plannedDecisionOn: input.plannedDecisionOn } : {}),
  };
}

/** What the engine computed for the guards; stored with the record so any refusal can be recomputed. */
export interface Facts {
  today: string;
  /** SUBMIT_LEGALITY_REVIEW: the 7th working day after submittedOn, and the working days given. */
  reviewMinDueOn?: string;
  reviewWorkingDaysGiven?: number;
  calendarDataVersion?: string;
}

export interface ProcedureEvent {
  type: EventType;
  payload: Record<string, unknown>;
  facts: Facts;
  /** The record's seq this event will get when accepted (an opinion is answered by its seq). */
  seq: number;
}

export type StepStatus = 'not_required' | 'pending' | 'in_progress' | 'done' | 'waived_with_reason';

function requirementStatus(r: Requirement | undefined, fallbackRequired = true): StepStatus | undefined {
  const required = r?.required ?? fallbackRequired;
  if (required) return undefined;
  return r?.reason ? 'waived_with_reason' : 'not_required';
}

const REQUIREMENT_OF: Partial<Record<StepId, RequirementKey>> = {
  publicParticipation: 'publicParticipation',
  hearing: 'hearing',
  expertArgumentation: 'expertArgumentation',
  riskAssessment: 'riskAssessment',
  partyCommitteeReport: 'partyCommitteeReport',
};

export function stepStatus(ctx: ProcedureContext, step: StepId): StepStatus {
  if (ctx.done[step] !== undefined) return 'done';
  const reqKey = REQUIREMENT_OF[step];
  if (reqKey) {
    const waived = requirementStatus(ctx.requirements[reqKey]);
    if (waived) return waived;
  }
  if (step === 'archive') return ctx.withdrawnBeforeStart ? 'not_required' : 'pending';
  // An ended procedure (withdrawn, rejected) owes nothing but its archive.
  if (ctx.endedOn) return 'not_required';
  switch (step) {
    case 'revisions':
      return ctx.revisionsRequired ? 'in_progress' : 'not_required';
    case 'publicParticipation':
      return ctx.comment ? 'in_progress' : 'pending';
    case 'riskAssessment':
      return ctx.risk ? 'in_progress' : 'pending';
    case 'legalityReview':
      return ctx.review.status === 'submitted' || ctx.review.status === 'in_review' ? 'in_progress' : 'pending';
    default:
      return 'pending';
  }
}

export function isSettled(status: StepStatus): boolean {
  return status === 'done' || status === 'not_required' || status === 'waived_with_reason';
}

export function progressOf(ctx: ProcedureContext): Array<{ step: StepId; status: StepStatus }> {
  return STEPS.map((step) => ({ step, status: stepStatus(ctx, step) }));
}

/** A decision is complete when its archive step is done or not required. */
export function isComplete(ctx: ProcedureContext): boolean {
  return isSettled(stepStatus(ctx, 'archive'));
}
