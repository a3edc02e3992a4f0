/**
 * The course outline beside the chat: title, description, sections and lessons as a tree, each
 * editable in place; add, delete, expand/collapse, reorder (drag or Move up/down), undo/redo,
 * and lesson drafts (one at a time or all, with progress).
 */
import { Button, VisuallyHidden } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { plus } from '@wordpress/icons';
import { store as sessionStore } from '../../../store';
import { generateId } from '../../../store/structure';
import { ErrorNotice } from '../../../components/error-notice';
import { CourseFields } from './course-fields';
import { CreatedOutline } from './created-outline';
import { DeleteSectionDialog } from './delete-section-dialog';
import { DraftAllLessons } from './draft-all-lessons';
import { itemProblems } from './outline-problems';
import { OutlineTools } from './outline-tools';
import { SectionItem } from './section-item';
import { ADD_SECTION_ID, useDeleteItems } from './use-delete-items';
import { useFocusLater } from './use-focus-later';
import { useOpenNewSections } from './use-open-new-sections';
import { useOutlineActions } from './use-outline-actions';
import { useRovingRows } from './use-roving-rows';
import type { Section } from '../../../store/types';

export function OutlinePanel() {
	const {
		structure,
		expanded,
		activeLessonId,
		canUndo,
		canRedo,
		writingLessonId,
		contentBusy,
		contentError,
		blockers,
		saveError,
		created,
		locked,
	} = useSelect( ( select ) => {
		const s = select( sessionStore );
		const busy = s.isRequesting( 'content' );
		return {
			structure: s.getCourseStructure(),
			expanded: s.getExpandedSections(),
			activeLessonId: s.getActiveLessonId(),
			canUndo: s.canUndo(),
			canRedo: s.canRedo(),
			writingLessonId: busy
				? ( s.getContentProgress()?.currentLessonId ?? null )
				: null,
			contentBusy: busy,
			contentError: s.getRequestError( 'content' ),
			blockers: s.getCreationBlockers(),
			saveError: s.getSaveStatus() === 'error' ? s.getSaveError() : null,
			created: s.getCreatedCourse(),
			locked: s.isOutlineLocked(),
		};
	}, [] );
	const [ announcement, setAnnouncement ] = useState( '' );
	const actions = useOutlineActions( setAnnouncement );
	const [ confirmSection, setConfirmSection ] = useState< Section | null >(
		null
	);
	const focusLater = useFocusLater();
	const list = useRef< HTMLOListElement >( null );
	const roving = useRovingRows( list );
	const { deleteLesson, deleteSection } = useDeleteItems(
		structure,
		actions,
		setAnnouncement,
		focusLater
	);
	useOpenNewSections( structure?.sections, expanded, ( id ) =>
		actions.toggleSection( id, true )
	);

	if ( locked && created ) {
		return <CreatedOutline structure={ structure } course={ created } />;
	}

	const addSection = () => {
		const id = generateId( 's' );
		actions.addSection( { id, title: '' } );
		focusLater( `mpcc-section-${ id }` );
	};
	const undoRedo = {
		canUndo,
		canRedo,
		onUndo: () => actions.undo(),
		onRedo: () => actions.redo(),
	};

	if ( ! structure ) {
		return (
			<div className="mpcc-outline is-empty">
				<h2 className="mpcc-panel-title">
					{ __( 'Course outline', 'courses-copilot' ) }
				</h2>
				{ /* Undone past the first outline: the way back stays in reach. */ }
				{ ( canUndo || canRedo ) && <OutlineTools { ...undoRedo } /> }
				<p className="mpcc-outline__placeholder">
					{ __(
						'The outline appears here as you chat. Describe your course on the left, then shape it here: rename, reorder, add or remove sections and lessons.',
						'courses-copilot'
					) }
				</p>
				<Button variant="secondary" onClick={ addSection }>
					{ __( 'Start an outline by hand', 'courses-copilot' ) }
				</Button>
			</div>
		);
	}

	const problems = itemProblems( structure, blockers, saveError?.fields );
	const allExpanded =
		structure.sections.length > 0 &&
		structure.sections.every( ( s ) => expanded.includes( s.id ) );

	return (
		<div className="mpcc-outline">
			<div className="mpcc-outline__header">
				<h2 className="mpcc-panel-title">
					{ __( 'Course outline', 'courses-copilot' ) }
				</h2>
				<OutlineTools { ...undoRedo }>
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
				</OutlineTools>
			</div>

			<CourseFields
				structure={ structure }
				titleProblem={
					blockers.find(
						( b ) => b.itemId === null && b.field === 'title'
					)?.message
				}
				onTitle={ actions.setCourseTitle }
				onDescription={ actions.setCourseDescription }
			/>

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
							writingLessonId={ writingLessonId }
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
					onClick={ addSection }
				>
					{ __( 'Add section', 'courses-copilot' ) }
				</Button>
				<DraftAllLessons />
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
				<DeleteSectionDialog
					section={ confirmSection }
					onCancel={ () => setConfirmSection( null ) }
					onConfirm={ () => {
						deleteSection( confirmSection );
						setConfirmSection( null );
					} }
				/>
			) }
		</div>
	);
}
