/** The kinds of organisation unit: a people's government, one of its working departments, a street office. */
export const ORG_UNIT_KINDS = ['government', 'department', 'street'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
