/**
 * A lesson's draft: written by the AI on request (streamed), previewed as rendered blocks,
 * editable as block markup. Edits are part of the session and auto-saved; Redraft asks before it
 * replaces a draft edited by hand.
 */
import { Button, Spinner, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { RawHTML, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { store as sessionStore } from '../../../store';
import { ErrorNotice } from '../../../components/error-notice';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { sanitizePreviewHtml } from '../../../components/block-preview';
import { wordCount } from '../word-count';
import type { Lesson } from '../../../store/types';

export function DraftPanel( { lesson }: { lesson: Lesson } ) {
	const { progress, busy, error } = useSelect( ( select ) => {
		const s = select( sessionStore );
		return {
			progress: s.getContentProgress(),
			busy: s.isRequesting( 'content' ),
			error: s.getRequestError( 'content' ),
		};
	}, [] );
	const {
		generateLessonContent,
		stopContentGeneration,
		updateLesson,
		clearRequestError,
	} = useDispatch( sessionStore );
	const [ editing, setEditing ] = useState( false );
	/** The draft was changed by hand here: Redraft asks before replacing it. */
	const [ editedByHand, setEditedByHand ] = useState( false );
	const [ confirming, setConfirming ] = useState( false );
	const [ instructions, setInstructions ] = useState( '' );
	const writingThis = busy && progress?.currentLessonId === lesson.id;
	const content = lesson.content ?? '';
	const shown = writingThis ? ( progress?.streamingText ?? '' ) : content;
	// Drafts keep their (safe) links: the course editor is a full page, not the narrow sidebar.
	const html = useMemo(
		() => sanitizePreviewHtml( shown, { links: true } ),
		[ shown ]
	);
	const headingId = `mpcc-draft-${ lesson.id }`;

	const draft = () => {
		setConfirming( false );
		setEditedByHand( false );
		clearRequestError( 'content' );
		generateLessonContent(
			lesson.id,
			instructions.trim() ? { instructions: instructions.trim() } : {}
		);
	};

	return (
		<section className="mpcc-draft" aria-labelledby={ headingId }>
			<div className="mpcc-draft__header">
				<h4 id={ headingId } className="mpcc-draft__title">
					{ sprintf(
						/* translators: %s: lesson title */
						__( 'Draft: %s', 'courses-copilot' ),
						lesson.title ||
							__( 'Untitled lesson', 'courses-copilot' )
					) }
				</h4>
				{ content && ! writingThis && (
					<div
						className="mpcc-draft__modes"
						role="group"
						aria-label={ __( 'Draft view', 'courses-copilot' ) }
					>
						<Button
							size="compact"
							variant={ editing ? 'tertiary' : 'secondary' }
							aria-pressed={ ! editing }
							onClick={ () => setEditing( false ) }
						>
							{ __( 'Preview', 'courses-copilot' ) }
						</Button>
						<Button
							size="compact"
							variant={ editing ? 'secondary' : 'tertiary' }
							aria-pressed={ editing }
							onClick={ () => setEditing( true ) }
						>
							{ __( 'Edit', 'courses-copilot' ) }
						</Button>
					</div>
				) }
			</div>
			{ writingThis && (
				<p className="mpcc-draft__status">
					<Spinner />{ ' ' }
					{ __( 'Writing the draft…', 'courses-copilot' ) }{ ' ' }
					<Button
						variant="link"
						onClick={ () => stopContentGeneration() }
					>
						{ __( 'Stop', 'courses-copilot' ) }
					</Button>
				</p>
			) }
			{ error && progress === null && ! busy && (
				<ErrorNotice
					error={ error }
					onRetry={ draft }
					onDismiss={ () => clearRequestError( 'content' ) }
				/>
			) }
			{ editing && content && ! writingThis ? (
				<div className="mpcc-draft__edit">
					<label htmlFor={ `${ headingId }-markup` }>
						{ __(
							'Lesson content (block markup)',
							'courses-copilot'
						) }
					</label>
					<textarea
						id={ `${ headingId }-markup` }
						className="mpcc-draft__markup"
						value={ content }
						rows={ 14 }
						onChange={ ( event ) => {
							setEditedByHand( true );
							updateLesson( lesson.id, {
								content: event.target.value,
							} );
						} }
					/>
				</div>
			) : (
				shown && (
					<div
						className="mpcc-draft__preview"
						aria-busy={ writingThis }
						// Scrollable: reachable from the keyboard.
						tabIndex={ 0 }
						role="region"
						aria-label={ __( 'Draft preview', 'courses-copilot' ) }
					>
						<RawHTML>{ html }</RawHTML>
					</div>
				)
			) }
			{ ! writingThis && (
				<div className="mpcc-draft__footer">
					{ content ? (
						<span className="mpcc-draft__meta">
							{ sprintf(
								/* translators: %d: number of words */
								__(
									'%d words · saved with this conversation',
									'courses-copilot'
								),
								wordCount( content )
							) }
						</span>
					) : (
						<span className="mpcc-draft__meta">
							{ __( 'No draft yet.', 'courses-copilot' ) }
						</span>
					) }
					<div className="mpcc-draft__generate">
						<TextControl
							__nextHasNoMarginBottom
							label={ __(
								'Instructions (optional)',
								'courses-copilot'
							) }
							hideLabelFromVision
							placeholder={ __(
								'Instructions (optional), e.g. include an exercise',
								'courses-copilot'
							) }
							value={ instructions }
							onChange={ setInstructions }
						/>
						<Button
							variant={ content ? 'secondary' : 'primary' }
							onClick={ () =>
								content && editedByHand
									? setConfirming( true )
									: draft()
							}
							disabled={ busy }
						>
							{ content
								? __( 'Redraft', 'courses-copilot' )
								: __( 'Draft content', 'courses-copilot' ) }
						</Button>
					</div>
				</div>
			) }
			{ confirming && (
				<ConfirmDialog
					title={ __(
						'Replace the draft you edited?',
						'courses-copilot'
					) }
					confirmLabel={ __( 'Redraft', 'courses-copilot' ) }
					isDestructive
					onConfirm={ draft }
					onCancel={ () => setConfirming( false ) }
				>
					<p>
						{ sprintf(
							/* translators: %s: lesson title */
							__(
								'Redrafting writes “%s” again and replaces the draft, with your edits. Undo in the outline brings it back.',
								'courses-copilot'
							),
							lesson.title ||
								__( 'Untitled lesson', 'courses-copilot' )
						) }
					</p>
				</ConfirmDialog>
			) }
		</section>
	);
}
