/**
 * What kind of rule each stored refusal (422) breaks, for the auditor's desk:
 *
 * - `skip`: a required step not done, or done out of order (the step-gap codes of a procedure's
 *   steps, an event its stage does not take, a step that must come first);
 * - `time_limit`: a statutory period not given (comment period, hearing notice, review time);
 * - `content`: a step done without a content the law requires (a signature, an independent expert
 *   or evaluator, a reason, an explanation, complete materials, a revised draft, controllable risk,
 *   an item within the scope of the procedure);
 * - `form`: dates and fields (a date in the future or before the step it follows, nothing to
 *   publish, requirements changed too late).
 *
 * Every code the rules, the date rules, the steps and the catalog service can store is listed here,
 * beside its category; `src/audit/refusal-categories.spec.ts` fails on a code without one.
 * A code not listed (e.g. one stored by an older release and since renamed) counts as `form`: the
 * least grave category, so that an unknown code never inflates the skipped-step or time-limit
 * figures; the completeness test keeps that fallback for old rows only.
 */
export type RefusalCategory = 'skip' | 'time_limit' | 'content' | 'form';

export const REFUSAL_CATEGORIES: Readonly<Record<string, RefusalCategory>> = Object.freeze({
  // skip: the step-gap codes (major-decision/v1/steps.ts STEP_GAP), in step order
  CATALOG_NOT_PUBLISHED: 'skip',
  DRAFTING_NOT_STARTED: 'skip',
  DRAFT_MISSING: 'skip',
  PUBLIC_PARTICIPATION_INCOMPLETE: 'skip',
  HEARING_INCOMPLETE: 'skip',
  EXPERT_ARGUMENTATION_INCOMPLETE: 'skip',
  RISK_ASSESSMENT_INCOMPLETE: 'skip',
  LEGALITY_REVIEW_REQUIRED: 'skip',
  OPINION_ADOPTION_INCOMPLETE: 'skip', // also: a legal opinion the revision does not answer (SC713-28)
  DECISION_REQUIRED: 'skip',
  PARTY_REPORT_REQUIRED: 'skip',
  PUBLICATION_REQUIRED: 'skip',
  ARCHIVE_INCOMPLETE: 'skip', // also: archive materials lacking a step that was done (SC713-33)
  // skip: a step out of order
  EVENT_NOT_ALLOWED_IN_STAGE: 'skip', // an event its stage does not take; a catalog item already withdrawn
  LEGAL_OPINION_REQUIRED: 'skip', // concluding a review before a legal adviser's opinion (SC713-28)
  FAIR_COMPETITION_REVIEW_REQUIRED: 'skip', // a draft without the fair competition review (FCR-13)
  ITEM_ALREADY_STARTED: 'skip', // withdrawing from the catalog an item whose procedure started (SC713-10)

  // time_limit: a statutory period not given
  COMMENT_PERIOD_TOO_SHORT: 'time_limit', // SC713-15, 30 days
  COMMENT_PERIOD_NOT_ENDED: 'time_limit', // SC713-15, closed before its end
  HEARING_NOTICE_TOO_SHORT: 'time_limit', // SC713-16, 7 days
  REVIEW_TIME_TOO_SHORT: 'time_limit', // SC713-26, 7 working days

  // content: a required content missing
  HEARING_RECORD_UNSIGNED: 'content', // SC713-17
  EXPERT_CONFLICT_OF_INTEREST: 'content', // SC713-20
  EXPERT_OPINION_UNSIGNED: 'content', // SC713-19
  REVIEW_MATERIALS_INCOMPLETE: 'content', // SC713-26
  DRAFT_NOT_REVISED: 'content', // SC713-28
  RISK_UNCONTROLLABLE: 'content', // SC713-24
  HEAD_REASON_REQUIRED: 'content', // SC713-30
  ADOPTION_EXPLANATION_REQUIRED: 'content', // SC713-32
  EVALUATOR_NOT_INDEPENDENT: 'content', // SC713-36
  OUT_OF_SCOPE: 'content', // SC713-3, an excluded category proposed as a catalog item

  // form: dates and fields
  DATE_IN_FUTURE: 'form', // SC713-33
  DATE_OUT_OF_ORDER: 'form', // SC713-33
  NOTHING_TO_PUBLISH: 'form', // a catalog publication without a new item
  REQUIREMENTS_LOCKED: 'form', // SC713-26, requirements changed after the draft went to review

  // version 2 of major-decision
  PUBLIC_COMMENT_NOT_CLOSED: 'skip', // SC713-15/18, review asked while an announced comment period is open
  SUSPENSION_WITHOUT_PROBLEM_REPORT: 'skip', // SC713-37/35, an urgent suspension with no problem reported
  PARTY_REPORT_EXEMPTION_UNCITED: 'content', // SC713-31, no party report without the rule that exempts it
  FAIR_COMPETITION_REVIEW_NEGATIVE: 'content', // FCR-18, approving a draft the fair competition review found restrictive
  NOTHING_TO_ARCHIVE: 'form', // SC713-33, an archive supplement with nothing recorded since the archive
  REVIEW_DUE_BEFORE_SUBMISSION: 'form', // SC713-26, a review due before it was asked for
  COMMENT_PERIOD_ENDS_BEFORE_START: 'form', // SC713-15, a comment period ending before it starts
  TERMINATION_WITHOUT_PROCEDURE: 'skip', // SC713-37, stopping a decision in force without the adjustment procedure
  PEOPLES_CONGRESS_REQUIRED: 'skip', // SC713-8, publishing before the people's congress decided or heard the matter
  HEAD_DID_NOT_SPEAK_LAST: 'content', // SC713-30, the head spoke before the members
  MEETING_NOT_OF_ORGAN: 'content', // SC713-30/42, a draft discussed at a meeting that is not the organ's own
} satisfies Record<string, RefusalCategory>);

/** The category of a stored refusal's code; a code not in the table is `form` (see above). */
export function refusalCategory(code: string): RefusalCategory {
  return Object.hasOwn(REFUSAL_CATEGORIES, code) ? REFUSAL_CATEGORIES[code] : 'form';
}

/** The codes of one category, in the table's order (a fresh array). */
export function codesOf(category: RefusalCategory): string[] {
  return Object.keys(REFUSAL_CATEGORIES).filter((code) => REFUSAL_CATEGORIES[code] === category);
}

