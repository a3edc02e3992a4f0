/**
 * One proposal from the copilot: what it changes and where, a read-only preview, Apply and Dismiss.
 * Applying goes through the editor's stores (see apply-suggestion.ts); the card stays, marked
 * applied, so after an Undo it can be applied again. When its block was edited since, the card
 * shows the block then and now and asks before replacing.
 */
import { useSelect } from '@wordpress/data';
import { RawHTML, useMemo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { store as editorStore } from '@wordpress/editor';
import { ActionsRow } from '../../components/actions-row';
import type { EditorSuggestion } from '../../schemas/suggestions';
import { blocksFromMarkup } from './blocks-from-markup';
import { previewHtml } from './preview-html';

export type CardStatus =
	| { state: 'idle' }
	| { state: 'applied'; message: string }
	| { state: 'stale'; message: string }
	| { state: 'error'; message: string }
	| { state: 'edited'; message: string; before: string; now: string };

export interface SuggestionCardProps {
	suggestion: EditorSuggestion;
	status: CardStatus;
	onApply: () => void;
	onDismiss: () => void;
	/** The block was edited since: replace it anyway, or keep the author's version. */
	onReplaceEdited?: () => void;
	onKeepEdited?: () => void;
	disabled?: boolean;
	/** Unique among the cards shown (suggestion ids repeat across replies). */
	cardKey?: string;
}

/** A block's words, for comparing two versions (parsed inert: nothing in it runs or loads). */
function wordsOf( markup: string ): string {
	const doc = new window.DOMParser().parseFromString(
		markup.replace( /<!--[\s\S]*?-->/g, ' ' ),
		'text/html'
	);
	return ( doc.body.textContent ?? '' ).replace( /\s+/g, ' ' ).trim();
}

function EditedSinceSuggestion( {
	before,
	now,
}: {
	before: string;
	now: string;
} ) {
	return (
		<dl className="mpcc-suggestion__edited">
			<dt>{ __( 'When you asked', 'courses-copilot' ) }</dt>
			<dd>{ wordsOf( before ) }</dd>
			<dt>{ __( 'Now, with your edit', 'courses-copilot' ) }</dt>
			<dd className="mpcc-suggestion__current">{ wordsOf( now ) }</dd>
		</dl>
	);
}

function whereText( suggestion: EditorSuggestion ): string {
	switch ( suggestion.type ) {
		case 'insert_blocks':
			return suggestion.position === 'end'
				? __( 'Adds blocks at the end of the post.', 'courses-copilot' )
				: __(
						'Adds blocks after the selected block (or at the end).',
						'courses-copilot'
					);
		case 'replace_block':
			return __(
				'Replaces the block that was selected when you asked.',
				'courses-copilot'
			);
		case 'set_title':
			return __( 'Changes the title.', 'courses-copilot' );
		case 'set_excerpt':
			return __( 'Changes the excerpt.', 'courses-copilot' );
		default:
			return '';
	}
}

function BlocksPreview( { markup }: { markup: string } ) {
	const html = useMemo( () => {
		const blocks = blocksFromMarkup( markup );
		return blocks ? previewHtml( blocks ) : null;
	}, [ markup ] );
	if ( html === null ) {
		return (
			<p className="mpcc-suggestion__invalid">
				{ __(
					'This cannot be shown as editor blocks, so it cannot be applied.',
					'courses-copilot'
				) }
			</p>
		);
	}
	return (
		<RawHTML className="mpcc-suggestion__preview-content">{ html }</RawHTML>
	);
}

function TextPreview( {
	field,
	value,
}: {
	field: 'title' | 'excerpt';
	value: string;
} ) {
	const current = useSelect(
		( select ) => {
			const now = select( editorStore ).getEditedPostAttribute( field );
			return typeof now === 'string' ? now : '';
		},
		[ field ]
	);
	return (
		<dl className="mpcc-suggestion__text-change">
			<dt>{ __( 'New', 'courses-copilot' ) }</dt>
			<dd>{ value }</dd>
			{ current && current !== value && (
				<>
					<dt>{ __( 'Now', 'courses-copilot' ) }</dt>
					<dd className="mpcc-suggestion__current">{ current }</dd>
				</>
			) }
		</dl>
	);
}

export function SuggestionCard( {
	suggestion,
	status,
	onApply,
	onDismiss,
	onReplaceEdited,
	onKeepEdited,
	disabled = false,
	cardKey = suggestion.id,
}: SuggestionCardProps ) {
	const headingId = `mpcc-suggestion-${ cardKey.replace( /[^\w-]/g, '-' ) }`;
	const applied = status.state === 'applied';
	const edited = status.state === 'edited' ? status : null;
	return (
		<li
			className={ `mpcc-suggestion is-${ status.state }` }
			aria-labelledby={ headingId }
		>
			<h3 id={ headingId } className="mpcc-suggestion__label">
				{ suggestion.label }
			</h3>
			<p className="mpcc-suggestion__where">
				{ whereText( suggestion ) }
			</p>
			<div
				className="mpcc-suggestion__preview"
				role="group"
				aria-label={ __( 'Preview', 'courses-copilot' ) }
			>
				{ ( suggestion.type === 'insert_blocks' ||
					suggestion.type === 'replace_block' ) && (
					<BlocksPreview markup={ suggestion.content } />
				) }
				{ suggestion.type === 'set_title' && (
					<TextPreview field="title" value={ suggestion.title } />
				) }
				{ suggestion.type === 'set_excerpt' && (
					<TextPreview field="excerpt" value={ suggestion.excerpt } />
				) }
			</div>
			{ status.state !== 'idle' && (
				<p
					className={ `mpcc-suggestion__status is-${ status.state }` }
					role={
						status.state === 'error' || edited ? 'alert' : undefined
					}
				>
					{ status.message }
				</p>
			) }
			{ edited && (
				<>
					<EditedSinceSuggestion
						before={ edited.before }
						now={ edited.now }
					/>
					<ActionsRow
						className="mpcc-suggestion__actions"
						size="compact"
						actions={ [
							{
								variant: 'primary',
								onClick: onReplaceEdited,
								disabled,
								children: __(
									'Replace my version',
									'courses-copilot'
								),
							},
							{
								variant: 'secondary',
								onClick: onKeepEdited,
								children: __(
									'Keep my version',
									'courses-copilot'
								),
							},
						] }
					/>
				</>
			) }
			<ActionsRow
				className="mpcc-suggestion__actions"
				hidden={ !! edited }
				size="compact"
				actions={ [
					{
						variant: applied ? 'secondary' : 'primary',
						onClick: onApply,
						disabled,
						children: applied
							? __( 'Apply again', 'courses-copilot' )
							: __( 'Apply', 'courses-copilot' ),
					},
					{
						variant: 'tertiary',
						onClick: onDismiss,
						children: __( 'Dismiss', 'courses-copilot' ),
					},
				] }
			/>
		</li>
	);
}
