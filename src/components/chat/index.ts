import './style.scss';
export { ChatPanel, DemoBanner } from './chat-panel';
export { Composer } from './composer';
export type { ComposerProps } from './composer';
export { RetryRow } from './retry-row';
export { MessageList } from './message-list';
export type { MessageListProps } from './message-list';
export { useStreamAnnouncer, ANNOUNCE_INTERVAL } from './use-stream-announcer';
export type { ChatPanelProps, ChatPanelMessage, ChatStatus } from './types';
