import './style.scss';
export { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog';
