import type { ReactNode } from 'react';
import type { ErrorInfo } from '../../api/errors';

/** One message as the chat shows it (the store's LocalMessage fits). */
export interface ChatPanelMessage {
	role: 'user' | 'assistant';
	content: string;
	/** The reply came from the offline demo provider. */
	demo?: boolean;
	/** A user message whose reply never came (Retry resends it). */
	failed?: boolean;
}

/** What the request is doing; the store's RequestStatus fits. */
export type ChatStatus =
	'init' | 'idle' | 'requesting' | 'streaming' | 'done' | 'error';

export interface ChatPanelProps {
	messages: readonly ChatPanelMessage[];
	/** The reply while it streams in (null when none). */
	streamingText?: string | null;
	status?: ChatStatus;
	onSend: ( text: string ) => void;
	onStop?: () => void;
	onRetry?: () => void;
	/** Dismisses the error (the composer stays usable either way). */
	onDismissError?: () => void;
	error?: ErrorInfo | null;
	/** Shown as buttons on the empty state; a click sends the prompt. */
	examplePrompts?: readonly string[];
	/** The demo provider answers: show the banner even before the first reply. */
	demo?: boolean;
	/** Narrow layout for the editor sidebar. */
	compact?: boolean;
	/** Accessible name of the conversation (default "Conversation"). */
	label?: string;
	placeholder?: string;
	/** Heading and text of the empty state. */
	emptyTitle?: string;
	emptyText?: string;
	/** More of the empty state, under the example prompts (e.g. the last conversation to resume). */
	emptyExtra?: ReactNode;
	/** Extra content under the composer's buttons (e.g. quick replies). */
	footer?: ReactNode;
	/** Disables sending (e.g. the session expired). */
	disabled?: boolean;
	/** Keeps the message box's unsent text across closing and reloading (see Composer). */
	draftKey?: string;
	/** Puts the focus in the message box when the panel appears (in a dialog opened to write in). */
	focusOnMount?: boolean;
	className?: string;
}
