export { ActionsRow } from './actions-row';
export type { ActionsRowProps, RowAction } from './actions-row';
