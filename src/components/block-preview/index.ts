export { sanitizePreviewHtml } from './sanitize';
export type { PreviewOptions } from './sanitize';
