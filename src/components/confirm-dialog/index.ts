/*
 * Its style is a partial each surface's stylesheet @uses (course editor, quiz modal): imported
 * here, webpack put it in one bundle's CSS only, and the quiz editor loads no course-editor CSS.
 */
export { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog';
