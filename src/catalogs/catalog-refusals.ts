/** The refusals of the catalog routes that are decided before anything changes (stored as violation attempts). */
import type { CatalogPublication } from './catalog-views';
import type { PublishCatalogDto } from './catalog.dto';

/** A refusal found inside a unit of work: stored as a violation attempt once that unit has ended. */
export interface Refusal {
  organId: string;
  code: string;
  detail: string;
  legalBasis: string[];
  event: string;
  decisionId?: string;
  stage?: string;
}

/**
 * Why a publication would be refused, checked before any item moves. CATALOG_PUBLISHED itself
 * checks only that its dates are not in the future; the approval must also precede publication,
 * and a later revision cannot be published before an earlier one.
 */
export function publicationRefusal(organId: string, dto: PublishCatalogDto, proposed: number, previous: CatalogPublication[], today: string): Refusal | undefined {
  const refusal = (code: string, detail: string, legalBasis: string[]): Refusal => ({ organId, code, detail, legalBasis, event: 'CATALOG_PUBLISHED' });
  if (proposed === 0) {
    return refusal('NOTHING_TO_PUBLISH', '目录中没有待公布（proposed）的事项：公布或者调整目录须至少列入一个新事项', ['SC713-3', 'HLJ-3']);
  }
  for (const field of ['partyCommitteeApprovedOn', 'publishedOn'] as const) {
    if (dto[field] > today) {
      return refusal('DATE_IN_FUTURE', `${field}（${dto[field]}）记录的是已经发生的事项，不得晚于今天（${today}）`, ['SC713-33']);
    }
  }
  if (dto.partyCommitteeApprovedOn > dto.publishedOn) {
    return refusal('DATE_OUT_OF_ORDER', `目录应当经同级党委同意后公布：publishedOn（${dto.publishedOn}）早于 partyCommitteeApprovedOn（${dto.partyCommitteeApprovedOn}）`, ['SC713-33']);
  }
  const last = previous[previous.length - 1];
  if (last && dto.publishedOn < last.publishedOn) {
    return refusal('DATE_OUT_OF_ORDER', `publishedOn（${dto.publishedOn}）早于目录上一次公布的日期（${last.publishedOn}）`, ['SC713-33']);
  }
  return undefined;
}

export function withdrawalRefusal(organId: string, decisionId: string, stage: string): Refusal {
  if (stage === 'withdrawn') {
    return { organId, code: 'EVENT_NOT_ALLOWED_IN_STAGE', detail: '该目录事项已经撤回', legalBasis: ['SC713-10'], event: 'WITHDRAW', decisionId, stage };
  }
  return {
    organId,
    code: 'ITEM_ALREADY_STARTED',
    detail: '决策机关已经启动该事项的决策程序，不能再从目录中撤回；已启动的决策只能在决策程序中撤回',
    legalBasis: ['SC713-10'],
    event: 'WITHDRAW',
    decisionId,
    stage,
  };
}
