/** The procedure's steps, in order (used in progress[].step, missing[].step and the audit). */
export const STEPS = [
  'catalog',
  'start',
  'draft',
  'publicParticipation',
  'hearing',
  'expertArgumentation',
  'riskAssessment',
  'legalityReview',
  'revisions',
  'collectiveDiscussion',
  'partyCommitteeReport',
  'publication',
  'archive',
] as const;
export type StepId = (typeof STEPS)[number];

export const PRE_REVIEW_STEPS = ['draft', 'publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment'] as const satisfies readonly StepId[];

/** What a missing step is called when a refusal names it, and the article that requires it. */
export const STEP_GAP: Record<StepId, { code: string; legalBasis: string[] }> = {
  catalog: { code: 'CATALOG_NOT_PUBLISHED', legalBasis: ['SC713-3', 'HLJ-3'] },
  start: { code: 'DRAFTING_NOT_STARTED', legalBasis: ['SC713-10', 'SC713-11'] },
  draft: { code: 'DRAFT_MISSING', legalBasis: ['SC713-29', 'SC713-12'] },
  publicParticipation: { code: 'PUBLIC_PARTICIPATION_INCOMPLETE', legalBasis: ['SC713-14'] },
  hearing: { code: 'HEARING_INCOMPLETE', legalBasis: ['SC713-16'] },
  expertArgumentation: { code: 'EXPERT_ARGUMENTATION_INCOMPLETE', legalBasis: ['SC713-19'] },
  riskAssessment: { code: 'RISK_ASSESSMENT_INCOMPLETE', legalBasis: ['SC713-22'] },
  legalityReview: { code: 'LEGALITY_REVIEW_REQUIRED', legalBasis: ['SC713-25'] },
  revisions: { code: 'OPINION_ADOPTION_INCOMPLETE', legalBasis: ['SC713-28'] },
  collectiveDiscussion: { code: 'DECISION_REQUIRED', legalBasis: ['SC713-30'] },
  partyCommitteeReport: { code: 'PARTY_REPORT_REQUIRED', legalBasis: ['SC713-31'] },
  publication: { code: 'PUBLICATION_REQUIRED', legalBasis: ['SC713-32'] },
  archive: { code: 'ARCHIVE_INCOMPLETE', legalBasis: ['SC713-33'] },
};

export const STEP_BASIS: Record<StepId, string[]> = {
  catalog: ['SC713-3', 'HLJ-3'],
  start: ['SC713-10', 'SC713-11'],
  draft: ['SC713-12'],
  publicParticipation: ['SC713-14', 'SC713-15'],
  hearing: ['SC713-16', 'SC713-17'],
  expertArgumentation: ['SC713-19', 'SC713-20'],
  riskAssessment: ['SC713-22', 'SC713-23', 'SC713-24'],
  legalityReview: ['SC713-25', 'SC713-26', 'SC713-27', 'SC713-28'],
  revisions: ['SC713-28'],
  collectiveDiscussion: ['SC713-30'],
  partyCommitteeReport: ['SC713-31'],
  publication: ['SC713-32'],
  archive: ['SC713-33'],
};
