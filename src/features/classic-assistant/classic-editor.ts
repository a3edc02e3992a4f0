/**
 * The Classic Editor's side of the assistant: what the post is now (title, excerpt, and content
 * from TinyMCE or the Text tab, unsaved edits included) and how a suggestion goes in — as HTML
 * through TinyMCE's `insertContent` (one undo step there), or at the cursor of the Text tab.
 * Block markup from the model loses its block delimiters and passes the shared sanitizer first.
 */
import { sanitizePreviewHtml } from '../../components/block-preview';
import type { EditorContextInput } from '../../api/types';
import type { EditorSuggestion } from '../../schemas/suggestions';
import { CONTEXT_LIMITS } from '../assistant-sidebar/constants';

interface TinyMceEditor {
	isHidden: () => boolean;
	getContent: () => string;
	insertContent: ( html: string ) => void;
	focus: () => void;
}

declare global {
	interface Window {
		tinymce?: { get: ( id: string ) => TinyMceEditor | null };
	}
}

const CONTENT_ID = 'content';

function field( id: string ): HTMLInputElement | HTMLTextAreaElement | null {
	return document.getElementById( id ) as
		HTMLInputElement | HTMLTextAreaElement | null;
}

/** TinyMCE when the Visual tab is showing, else null (the Text tab's textarea is the content). */
function visualEditor(): TinyMceEditor | null {
	const editor = window.tinymce?.get( CONTENT_ID ) ?? null;
	return editor && ! editor.isHidden() ? editor : null;
}

export function readClassicContext(): EditorContextInput {
	const visual = visualEditor();
	return {
		title: ( field( 'title' )?.value ?? '' ).slice(
			0,
			CONTEXT_LIMITS.title
		),
		content: (
			visual?.getContent() ??
			field( CONTENT_ID )?.value ??
			''
		).slice( 0, CONTEXT_LIMITS.content ),
		excerpt: ( field( 'excerpt' )?.value ?? '' ).slice(
			0,
			CONTEXT_LIMITS.excerpt
		),
		selected_block: null,
	};
}

/** The HTML a block suggestion puts into a classic post. */
export function suggestionHtml( markup: string ): string {
	return sanitizePreviewHtml( markup, { links: true } ).trim();
}

function setValue( id: string, value: string ): boolean {
	const input = field( id );
	if ( ! input ) {
		return false;
	}
	input.value = value;
	// The Classic Editor's own scripts (title prompt, autosave) listen for these.
	input.dispatchEvent( new Event( 'input', { bubbles: true } ) );
	input.dispatchEvent( new Event( 'change', { bubbles: true } ) );
	return true;
}

/** Applies a suggestion; false when the screen has no place for it (e.g. excerpt box hidden). */
export function applyClassicSuggestion(
	suggestion: EditorSuggestion
): boolean {
	switch ( suggestion.type ) {
		case 'set_title':
			return setValue( 'title', suggestion.title );
		case 'set_excerpt':
			return setValue( 'excerpt', suggestion.excerpt );
		default: {
			// No blocks here: a block replacement is inserted like new content.
			const html = suggestionHtml( suggestion.content );
			if ( ! html ) {
				return false;
			}
			const visual = visualEditor();
			if ( visual ) {
				visual.focus();
				visual.insertContent( html );
				return true;
			}
			const text = field( CONTENT_ID ) as HTMLTextAreaElement | null;
			if ( ! text ) {
				return false;
			}
			const at = text.selectionStart ?? text.value.length;
			text.value = `${ text.value.slice( 0, at ) }${ html }${ text.value.slice( text.selectionEnd ?? at ) }`;
			text.dispatchEvent( new Event( 'input', { bubbles: true } ) );
			return true;
		}
	}
}
