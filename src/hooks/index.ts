export { useSession } from './use-session';
export type { SessionView } from './use-session';
export { useSaveStatus } from './use-save-status';
export type { SaveStatusView } from './use-save-status';
export { useAutoSaveLifecycle } from './use-auto-save-lifecycle';
export { usePostSession } from './use-post-session';
export { useDemoProvider } from './use-demo-provider';
export { usePostAssistant } from './use-post-assistant';
export { useWarnBeforeLeaving } from './use-warn-before-leaving';
