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
import { useRovingRows } from './use-roving-rows';
import type { CreationBlocker } from '../../../store/creation-rules';
import { describeFieldError, locateField } from '../../../api/field-errors';
import type { CourseStructure, Lesson, Section } from '../../../store/types';

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

const ADD_SECTION_ID = 'mpcc-add-section';

/** The creation blockers shown on their items, by section or lesson id. */
function problemsByItem(
	blockers: CreationBlocker[]
): Map< string, string[] > {
	const map = new Map< string, string[] >();
	for ( const blocker of blockers ) {
		if ( blocker.itemId !== null ) {
			map.set( blocker.itemId, [
				...( map.get( blocker.itemId ) ?? [] ),
				blocker.message,
			] );
		}
	}
	return map;
}

/** The section or lesson a refused save's first field error points at. */
function refusedItem(
	structure: CourseStructure | null,
	fields: string[] | undefined
): string | null {
	const path = fields?.[ 0 ]?.split( ': ' )[ 0 ];
	const at = path ? locateField( path ) : null;
	if ( ! structure || ! at || at.sectionIndex === null ) {
		return null;
	}
	const section = structure.sections[ at.sectionIndex ];
	return at.lessonIndex === null
		? ( section?.id ?? null )
		: ( section?.lessons[ at.lessonIndex ]?.id ?? null );
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
		blockers,
		saveError,
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
			blockers: s.getCreationBlockers(),
			saveError: s.getSaveStatus() === 'error' ? s.getSaveError() : null,
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
	const list = useRef< HTMLOListElement >( null );
	const roving = useRovingRows( list );
	const problems = problemsByItem( blockers );
	// A refused save is shown on the item it names too ("Not saved: …" in the header says the rest).
	const refused = refusedItem( structure, saveError?.fields );
	if ( refused && saveError?.fields?.[ 0 ] ) {
		problems.set( refused, [
			...( problems.get( refused ) ?? [] ),
			sprintf(
				/* translators: %s: what the site refused, e.g. "The title of lesson 1.2 is too long (the most is 5000 characters)." */
				__( 'Not saved: %s', 'courses-copilot' ),
				describeFieldError( saveError.fields[ 0 ] )
			),
		] );
	}

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

	const courseTitleProblem = blockers.find(
		( b ) => b.itemId === null && b.field === 'title'
	)?.message;
	const allExpanded =
		structure.sections.length > 0 &&
		structure.sections.every( ( s ) => expanded.includes( s.id ) );
	const deleteLesson = ( lesson: Lesson ) => {
		// Focus goes where the author is working, not to <body>: the next lesson, the previous, or "Add lesson".
		const section = structure.sections.find( ( s ) =>
			s.lessons.some( ( l ) => l.id === lesson.id )
		);
		const lessons = section?.lessons ?? [];
		const at = lessons.findIndex( ( l ) => l.id === lesson.id );
		const neighbour = lessons[ at + 1 ] ?? lessons[ at - 1 ];
		focusLater(
			neighbour
				? `mpcc-lesson-${ neighbour.id }`
				: `mpcc-section-${ section?.id }-add-lesson`
		);
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
		const at = structure.sections.findIndex( ( s ) => s.id === section.id );
		const neighbour =
			structure.sections[ at + 1 ] ?? structure.sections[ at - 1 ];
		actions.deleteSection( section.id );
		setConfirmSection( null );
		focusLater(
			neighbour ? `mpcc-section-${ neighbour.id }` : ADD_SECTION_ID
		);
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
					aria-invalid={ !! courseTitleProblem || undefined }
					aria-describedby={
						courseTitleProblem
							? 'mpcc-course-title-problems'
							: undefined
					}
					value={ structure.title }
					onChange={ ( event ) =>
						actions.setCourseTitle( event.target.value )
					}
				/>
				{ courseTitleProblem && (
					<p
						id="mpcc-course-title-problems"
						className="mpcc-item-problems"
					>
						{ courseTitleProblem }
					</p>
				) }
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
				// Keys are handled for the rows' own controls (inputs, buttons), delegated here.
				// eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
				<ol
					ref={ list }
					className="mpcc-sections"
					aria-label={ __( 'Sections', 'courses-copilot' ) }
					aria-describedby="mpcc-outline-keys"
					onFocus={ roving.onFocus }
					onKeyDown={ roving.onKeyDown }
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
							problems={ problems }
						/>
					) ) }
				</ol>
			) : (
				<p className="mpcc-outline__placeholder">
					{ __( 'No sections yet.', 'courses-copilot' ) }
				</p>
			) }

			<p id="mpcc-outline-keys" className="screen-reader-text">
				{ __(
					'Use the up and down arrow keys to move between sections and lessons, and Tab to reach the rest of the page.',
					'courses-copilot'
				) }
			</p>
			<div className="mpcc-outline__footer">
				<Button
					id={ ADD_SECTION_ID }
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
