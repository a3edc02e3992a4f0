import './style.scss';
export { ErrorNotice } from './error-notice';
export type { ErrorNoticeProps } from './error-notice';
