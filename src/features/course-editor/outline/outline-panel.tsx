/**
 * The course outline beside the chat: title, description, sections and lessons as a tree, each
 * editable in place; add, delete, expand/collapse, reorder (drag or Move up/down), undo/redo,
 * and lesson drafts (one at a time or all, with progress).
 */
import { Button, VisuallyHidden } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { plus, redo as redoIcon, undo as undoIcon } from '@wordpress/icons';
import { store as sessionStore } from '../../../store';
import { generateId } from '../../../store/structure';
import { ErrorNotice } from '../../../components/error-notice';
import { ConfirmDialog } from '../confirm-dialog';
import { CreatedOutline } from './created-outline';
import { SectionItem } from './section-item';
import { useOutlineActions } from './use-outline-actions';
import type { Lesson, Section } from '../../../store/types';

function useFocusLater(): ( id: string ) => void {
	const [ target, setTarget ] = useState< string | null >( null );
	useEffect( () => {
		if ( target ) {
			document.getElementById( target )?.focus();
			setTarget( null );
		}
	}, [ target ] );
	return setTarget;
}

export function OutlinePanel() {
	const {
		structure,
		expanded,
		activeLessonId,
		canUndo,
		canRedo,
		progress,
		contentBusy,
		contentError,
		counts,
		created,
		locked,
	} = useSelect( ( select ) => {
		const s = select( sessionStore );
		return {
			structure: s.getCourseStructure(),
			expanded: s.getExpandedSections(),
			activeLessonId: s.getActiveLessonId(),
			canUndo: s.canUndo(),
			canRedo: s.canRedo(),
			progress: s.getContentProgress(),
			contentBusy: s.isRequesting( 'content' ),
			contentError: s.getRequestError( 'content' ),
			counts: s.getStructureCounts(),
			created: s.getCreatedCourse(),
			locked: s.isOutlineLocked(),
		};
	}, [] );
	const [ announcement, setAnnouncement ] = useState( '' );
	const announce = ( message: string ) => setAnnouncement( message );
	const actions = useOutlineActions( announce );
	const [ confirmSection, setConfirmSection ] = useState< Section | null >(
		null
	);
	const focusLater = useFocusLater();

	// Sections that appear (from the AI or "Add section") open; on first show, all open.
	const known = useRef< Set< string > | null >( null );
	const sections = structure?.sections;
	useEffect( () => {
		if ( ! sections ) {
			return;
		}
		const first = known.current === null;
		const seen = known.current ?? new Set< string >();
		for ( const section of sections ) {
			if ( ! seen.has( section.id ) ) {
				seen.add( section.id );
				if ( ! first || expanded.length === 0 ) {
					actions.toggleSection( section.id, true );
				}
			}
		}
		known.current = seen;
	}, [ sections ] ); // eslint-disable-line react-hooks/exhaustive-deps

	if ( locked && created ) {
		return <CreatedOutline structure={ structure } course={ created } />;
	}

	const historyButtons = (
		<>
			<Button
				size="compact"
				icon={ undoIcon }
				label={ __( 'Undo', 'courses-copilot' ) }
				disabled={ ! canUndo }
				onClick={ () => actions.undo() }
			/>
			<Button
				size="compact"
				icon={ redoIcon }
				label={ __( 'Redo', 'courses-copilot' ) }
				disabled={ ! canRedo }
				onClick={ () => actions.redo() }
			/>
		</>
	);

	if ( ! structure ) {
		return (
			<div className="mpcc-outline is-empty">
				<h2 className="mpcc-panel-title">
					{ __( 'Course outline', 'courses-copilot' ) }
				</h2>
				{ ( canUndo || canRedo ) && (
					// Undone past the first outline: the way back stays in reach.
					<div
						className="mpcc-outline__tools"
						role="toolbar"
						aria-label={ __( 'Outline tools', 'courses-copilot' ) }
					>
						{ historyButtons }
					</div>
				) }
				<p className="mpcc-outline__placeholder">
					{ __(
						'The outline appears here as you chat. Describe your course on the left, then shape it here: rename, reorder, add or remove sections and lessons.',
						'courses-copilot'
					) }
				</p>
				<Button
					variant="secondary"
					onClick={ () => {
						const id = generateId( 's' );
						actions.addSection( { id, title: '' } );
						focusLater( `mpcc-section-${ id }` );
					} }
				>
					{ __( 'Start an outline by hand', 'courses-copilot' ) }
				</Button>
			</div>
		);
	}

	const allExpanded =
		structure.sections.length > 0 &&
		structure.sections.every( ( s ) => expanded.includes( s.id ) );
	const deleteLesson = ( lesson: Lesson ) => {
		actions.deleteLesson( lesson.id );
		announce(
			sprintf(
				/* translators: %s: lesson title */
				__(
					'Deleted lesson “%s”. Undo is available.',
					'courses-copilot'
				),
				lesson.title
			)
		);
	};
	const deleteSection = ( section: Section ) => {
		actions.deleteSection( section.id );
		setConfirmSection( null );
		announce(
			sprintf(
				/* translators: %s: section title */
				__(
					'Deleted section “%s”. Undo is available.',
					'courses-copilot'
				),
				section.title
			)
		);
	};
	const drafting = contentBusy && progress && progress.total > 1;

	return (
		<div className="mpcc-outline">
			<div className="mpcc-outline__header">
				<h2 className="mpcc-panel-title">
					{ __( 'Course outline', 'courses-copilot' ) }
				</h2>
				<div
					className="mpcc-outline__tools"
					role="toolbar"
					aria-label={ __( 'Outline tools', 'courses-copilot' ) }
				>
					{ historyButtons }
					<Button
						size="compact"
						variant="tertiary"
						onClick={ () =>
							structure.sections.forEach( ( s ) =>
								actions.toggleSection( s.id, ! allExpanded )
							)
						}
					>
						{ allExpanded
							? __( 'Collapse all', 'courses-copilot' )
							: __( 'Expand all', 'courses-copilot' ) }
					</Button>
				</div>
			</div>

			<div className="mpcc-outline__course">
				<label htmlFor="mpcc-course-title">
					{ __( 'Course title', 'courses-copilot' ) }
				</label>
				<input
					id="mpcc-course-title"
					type="text"
					className="mpcc-inline-input mpcc-outline__title"
					value={ structure.title }
					onChange={ ( event ) =>
						actions.setCourseTitle( event.target.value )
					}
				/>
				<label htmlFor="mpcc-course-description">
					{ __( 'Description', 'courses-copilot' ) }
				</label>
				<textarea
					id="mpcc-course-description"
					className="mpcc-inline-input mpcc-outline__description"
					rows={ 2 }
					value={ structure.description }
					onChange={ ( event ) =>
						actions.setCourseDescription( event.target.value )
					}
				/>
			</div>

			{ structure.sections.length > 0 ? (
				<ol
					className="mpcc-sections"
					aria-label={ __( 'Sections', 'courses-copilot' ) }
				>
					{ structure.sections.map( ( section, index ) => (
						<SectionItem
							key={ section.id }
							section={ section }
							index={ index }
							expanded={ expanded.includes( section.id ) }
							activeLessonId={ activeLessonId }
							writingLessonId={
								contentBusy
									? ( progress?.currentLessonId ?? null )
									: null
							}
							onMoveSection={ actions.moveSectionBy }
							onMoveLesson={ actions.moveLessonBy }
							onDeleteSection={ ( s ) =>
								s.lessons.length
									? setConfirmSection( s )
									: deleteSection( s )
							}
							onDeleteLesson={ deleteLesson }
							onLessonAdded={ ( id ) =>
								focusLater( `mpcc-lesson-${ id }` )
							}
						/>
					) ) }
				</ol>
			) : (
				<p className="mpcc-outline__placeholder">
					{ __( 'No sections yet.', 'courses-copilot' ) }
				</p>
			) }

			<div className="mpcc-outline__footer">
				<Button
					variant="secondary"
					icon={ plus }
					onClick={ () => {
						const id = generateId( 's' );
						actions.addSection( { id, title: '' } );
						focusLater( `mpcc-section-${ id }` );
					} }
				>
					{ __( 'Add section', 'courses-copilot' ) }
				</Button>
				{ drafting ? (
					<div className="mpcc-outline__progress">
						<label htmlFor="mpcc-draft-progress">
							{ sprintf(
								/* translators: 1: lessons drafted, 2: lessons to draft */
								__(
									'Drafting lessons: %1$d of %2$d',
									'courses-copilot'
								),
								progress.done,
								progress.total
							) }
						</label>
						<progress
							id="mpcc-draft-progress"
							max={ progress.total }
							value={ progress.done }
						/>
						<Button
							variant="link"
							onClick={ () => actions.stopContentGeneration() }
						>
							{ __( 'Stop', 'courses-copilot' ) }
						</Button>
					</div>
				) : (
					counts.lessons > 0 &&
					counts.withContent < counts.lessons && (
						<Button
							variant="secondary"
							disabled={ contentBusy }
							onClick={ () => actions.generateAllLessonContent() }
						>
							{ sprintf(
								/* translators: %d: number of lessons without a draft */
								_n(
									'Draft %d remaining lesson',
									'Draft all %d remaining lessons',
									counts.lessons - counts.withContent,
									'courses-copilot'
								),
								counts.lessons - counts.withContent
							) }
						</Button>
					)
				) }
			</div>
			{ contentError && ! contentBusy && ! activeLessonId && (
				<ErrorNotice
					error={ contentError }
					onRetry={ () => actions.generateAllLessonContent() }
					onDismiss={ () => actions.clearRequestError( 'content' ) }
				/>
			) }

			<VisuallyHidden aria-live="polite" className="mpcc-outline__live">
				{ announcement }
			</VisuallyHidden>

			{ confirmSection && (
				<ConfirmDialog
					title={ __( 'Delete section?', 'courses-copilot' ) }
					confirmLabel={ __( 'Delete section', 'courses-copilot' ) }
					isDestructive
					onCancel={ () => setConfirmSection( null ) }
					onConfirm={ () => deleteSection( confirmSection ) }
				>
					<p>
						{ sprintf(
							/* translators: 1: section title, 2: number of lessons */
							_n(
								'“%1$s” and its %2$d lesson will be removed from the outline. You can undo this.',
								'“%1$s” and its %2$d lessons will be removed from the outline. You can undo this.',
								confirmSection.lessons.length,
								'courses-copilot'
							),
							confirmSection.title ||
								__( 'Untitled section', 'courses-copilot' ),
							confirmSection.lessons.length
						) }
					</p>
				</ConfirmDialog>
			) }
		</div>
	);
}
