/** The words version 2 adds to version 1's (`../v1/labels.ts`). */
export const PARTY_REPLY_LABELS: Readonly<Record<string, string>> = {
  agreed: '同意',
  returned: '退回并提出意见',
};
