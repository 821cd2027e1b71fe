export { IsBusinessDate, isBusinessDate } from './business-date';
export { IsName, IsText, NAME_MAX_LENGTH, TEXT_MAX_LENGTH } from './text';
