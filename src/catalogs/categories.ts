/**
 * What a catalog item may be about (SC713-3): the matters the decree covers, and the three it
 * leaves out. An item of an excluded category is a procedure refusal (422 OUT_OF_SCOPE, stored as
 * a violation attempt); any other unknown value is simply bad input (400).
 */
export const DECISION_CATEGORIES = ['public_policy', 'development_plan', 'resource_policy', 'public_project', 'other_major'] as const;
export type DecisionCategory = (typeof DECISION_CATEGORIES)[number];

/** Fiscal and monetary macro-control, government legislation, emergency response (SC713-3 第二款). */
export const EXCLUDED_CATEGORIES = ['macro_control', 'legislation', 'emergency_response'] as const;

export const KNOWN_CATEGORIES: readonly string[] = [...DECISION_CATEGORIES, ...EXCLUDED_CATEGORIES];

export const isExcludedCategory = (c: string): boolean => (EXCLUDED_CATEGORIES as readonly string[]).includes(c);
