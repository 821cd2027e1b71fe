/**
 * The Chinese words of the annual report: the labels kept beside the codes in `workflows/`.
 */
export { CATEGORY_LABELS, CODE_LABELS, codeLabel, UNIT_KIND_LABELS as KIND_LABELS } from '../../workflows/labels';
export { CONCLUSION_LABELS, STAGE_LABELS, STEP_LABELS } from '../../workflows/major-decision/v1/labels';
