/** The refusals of the catalog routes that are decided before anything changes (stored as violation attempts). */
import { named } from '../../workflows/labels';
import { EVENT_LABELS, STAGE_LABELS } from '../../workflows/major-decision/v1/labels';
import type { FieldError } from '../common/errors/domain-error';
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
  /** The fields of the request that would mend it. */
  errors?: FieldError[];
}

/**
 * Why a publication would be refused, checked before any item moves. CATALOG_PUBLISHED itself
 * checks only that its dates are not in the future; the approval must also precede publication,
 * and a later revision cannot be published before an earlier one.
 */
export function publicationRefusal(organId: string, dto: PublishCatalogDto, proposed: number, previous: CatalogPublication[], today: string): Refusal | undefined {
  const refusal = (code: string, detail: string, legalBasis: string[], errors?: FieldError[]): Refusal => ({
    organId,
    code,
    detail,
    legalBasis,
    event: 'CATALOG_PUBLISHED',
    ...(errors ? { errors } : {}),
  });
  if (proposed === 0) {
    return refusal('NOTHING_TO_PUBLISH', `目录中没有${named(STAGE_LABELS.proposed)}的事项：公布或者调整目录须至少列入一个新事项（POST /catalogs/:id/items）`, ['SC713-3', 'HLJ-3']);
  }
  for (const field of ['partyCommitteeApprovedOn', 'publishedOn'] as const) {
    if (dto[field] > today) {
      return refusal('DATE_IN_FUTURE', `${field}（${dto[field]}）记录的是已经发生的事项，不得晚于今天（${today}）`, ['SC713-33'], [{ field, message: `不得晚于今天（${today}）` }]);
    }
  }
  if (dto.partyCommitteeApprovedOn > dto.publishedOn) {
    return refusal(
      'DATE_OUT_OF_ORDER',
      `目录应当经同级党委同意后公布：publishedOn（${dto.publishedOn}）早于 partyCommitteeApprovedOn（${dto.partyCommitteeApprovedOn}）`,
      ['SC713-33'],
      [{ field: 'publishedOn', message: `不得早于同级党委同意之日 partyCommitteeApprovedOn（${dto.partyCommitteeApprovedOn}）` }],
    );
  }
  const last = previous[previous.length - 1];
  if (last && dto.publishedOn < last.publishedOn) {
    return refusal('DATE_OUT_OF_ORDER', `publishedOn（${dto.publishedOn}）早于目录上一次公布的日期（${last.publishedOn}）`, ['SC713-33'], [
      { field: 'publishedOn', message: `不得早于目录上一次公布的日期（${last.publishedOn}）` },
    ]);
  }
  return undefined;
}

export function withdrawalRefusal(organId: string, decisionId: string, stage: string): Refusal {
  if (stage === 'withdrawn') {
    return { organId, code: 'EVENT_NOT_ALLOWED_IN_STAGE', detail: '该目录事项已经撤回，不能再次撤回', legalBasis: ['SC713-10'], event: 'WITHDRAW', decisionId, stage };
  }
  return {
    organId,
    code: 'ITEM_ALREADY_STARTED',
    detail: `决策机关已经启动该事项的决策程序（现处于${named(STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage)}阶段），不能再从目录中撤回：已启动的决策只能在决策程序中办理${named(EVENT_LABELS.WITHDRAW, 'WITHDRAW')}`,
    legalBasis: ['SC713-10'],
    event: 'WITHDRAW',
    decisionId,
    stage,
  };
}
