import './style.scss';
export { SaveStatus } from './save-status';
export { saveStatusLabel, sessionExpiredLabel, formatTime } from './label';
export type { SaveStatusLabelOptions } from './label';
export type { SaveStatusProps } from './save-status';
export { SessionSaveStatus } from './connected';
