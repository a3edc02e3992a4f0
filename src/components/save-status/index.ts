import './style.scss';
export { SaveStatus, saveStatusText, formatTime } from './save-status';
export type { SaveStatusProps } from './save-status';
export { SessionSaveStatus } from './connected';
