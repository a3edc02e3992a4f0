/**
 * One section: expand/collapse, title and description edited in place, drag handle, move
 * up/down, delete, and its lessons (with "Add lesson").
 */
import { Button } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { chevronDown, chevronRight, plus } from '@wordpress/icons';
import { store as sessionStore } from '../../../store';
import { generateId } from '../../../store/structure';
import { DragHandle } from './drag-handle';
import { ItemActions, ItemProblems } from './item-actions';
import { LessonItem } from './lesson-item';
import { dragging, endDrag } from './drag';
import { RowTitle } from './row-title';
import type { Lesson, Section } from '../../../store/types';

export interface SectionItemProps {
	section: Section;
	index: number;
	expanded: boolean;
	activeLessonId: string | null;
	writingLessonId: string | null;
	onMoveSection: ( id: string, delta: number ) => void;
	onMoveLesson: ( id: string, delta: number ) => void;
	onDeleteSection: ( section: Section ) => void;
	onDeleteLesson: ( lesson: Lesson ) => void;
	onLessonAdded: ( id: string ) => void;
	/** What keeps items from being created, by section or lesson id. */
	problems?: Map< string, string[] >;
}

export function SectionItem( {
	section,
	index,
	expanded,
	activeLessonId,
	writingLessonId,
	onMoveSection,
	onMoveLesson,
	onDeleteSection,
	onDeleteLesson,
	onLessonAdded,
	problems,
}: SectionItemProps ) {
	const {
		renameSection,
		updateSection,
		moveSection,
		moveLesson,
		toggleSection,
		addLesson,
	} = useDispatch( sessionStore );
	const item = useRef< HTMLLIElement >( null );
	const [ dropTarget, setDropTarget ] = useState( false );
	const number = index + 1;
	const label = section.title || __( 'Untitled section', 'courses-copilot' );
	const inputId = `mpcc-section-${ section.id }`;
	const lessonsId = `${ inputId }-lessons`;
	const problemsId = `${ inputId }-problems`;
	const own = problems?.get( section.id ) ?? [];
	const row = `s:${ section.id }`;

	return (
		<li
			ref={ item }
			className={ `mpcc-section${ expanded ? ' is-expanded' : '' }${ dropTarget ? ' is-drop-target' : '' }` }
			data-section-id={ section.id }
			onDragOver={ ( event ) => {
				if (
					dragging( 'section' ) ||
					( dragging( 'lesson' ) && section.lessons.length === 0 )
				) {
					event.preventDefault();
					setDropTarget( true );
				}
			} }
			onDragLeave={ () => setDropTarget( false ) }
			onDrop={ ( event ) => {
				setDropTarget( false );
				const draggedSection = dragging( 'section' );
				const draggedLesson = dragging( 'lesson' );
				if ( draggedSection && draggedSection.id !== section.id ) {
					event.preventDefault();
					moveSection( draggedSection.id, index );
				} else if ( draggedLesson ) {
					event.preventDefault();
					moveLesson(
						draggedLesson.id,
						section.id,
						section.lessons.length
					);
				}
				endDrag();
			} }
		>
			<div className="mpcc-section__row" data-row={ row }>
				<DragHandle
					item={ { kind: 'section', id: section.id } }
					row={ item }
				/>
				<Button
					size="small"
					className="mpcc-section__toggle"
					icon={ expanded ? chevronDown : chevronRight }
					aria-expanded={ expanded }
					aria-controls={ lessonsId }
					label={ sprintf(
						/* translators: %s: section title */
						__( 'Show lessons of “%s”', 'courses-copilot' ),
						label
					) }
					showTooltip={ false }
					onClick={ () => toggleSection( section.id ) }
				/>
				<span className="mpcc-section__number" aria-hidden="true">
					{ number }.
				</span>
				<RowTitle
					id={ inputId }
					label={ sprintf(
						/* translators: %d: section number */
						__( 'Section %d title', 'courses-copilot' ),
						number
					) }
					className="mpcc-section__title"
					value={ section.title }
					placeholder={ __( 'Untitled section', 'courses-copilot' ) }
					problemsId={ own.length ? problemsId : undefined }
					onChange={ ( title ) => renameSection( section.id, title ) }
				/>
				<span className="mpcc-section__count">
					{ sprintf(
						/* translators: %d: number of lessons */
						_n(
							'%d lesson',
							'%d lessons',
							section.lessons.length,
							'courses-copilot'
						),
						section.lessons.length
					) }
				</span>
				<ItemActions
					labels={ {
						up: sprintf(
							/* translators: %s: section title */
							__( 'Move section “%s” up', 'courses-copilot' ),
							label
						),
						down: sprintf(
							/* translators: %s: section title */
							__( 'Move section “%s” down', 'courses-copilot' ),
							label
						),
						remove: sprintf(
							/* translators: %s: section title */
							__( 'Delete section “%s”', 'courses-copilot' ),
							label
						),
					} }
					onMove={ ( delta ) => onMoveSection( section.id, delta ) }
					onDelete={ () => onDeleteSection( section ) }
				/>
			</div>
			<ItemProblems id={ problemsId } problems={ own } />
			{ expanded && (
				<div id={ lessonsId } className="mpcc-section__body">
					<label
						htmlFor={ `${ inputId }-description` }
						className="screen-reader-text"
					>
						{ sprintf(
							/* translators: %d: section number */
							__( 'Section %d description', 'courses-copilot' ),
							number
						) }
					</label>
					<textarea
						id={ `${ inputId }-description` }
						data-row={ row }
						rows={ 1 }
						className="mpcc-inline-input mpcc-section__description"
						value={ section.description ?? '' }
						placeholder={ __(
							'Add a short description',
							'courses-copilot'
						) }
						onChange={ ( event ) =>
							updateSection( section.id, {
								description: event.target.value,
							} )
						}
					/>
					{ section.lessons.length > 0 ? (
						<ol className="mpcc-lessons">
							{ section.lessons.map( ( lesson, lessonIndex ) => (
								<LessonItem
									key={ lesson.id }
									lesson={ lesson }
									sectionId={ section.id }
									index={ lessonIndex }
									number={ `${ number }.${ lessonIndex + 1 }` }
									isActive={ activeLessonId === lesson.id }
									isWriting={ writingLessonId === lesson.id }
									onMove={ onMoveLesson }
									onDelete={ onDeleteLesson }
									problems={ problems?.get( lesson.id ) }
								/>
							) ) }
						</ol>
					) : (
						<p className="mpcc-section__empty">
							{ __(
								'No lessons yet. Drop a lesson here or add one.',
								'courses-copilot'
							) }
						</p>
					) }
					<Button
						variant="tertiary"
						size="compact"
						icon={ plus }
						id={ `${ inputId }-add-lesson` }
						className="mpcc-section__add-lesson"
						data-row={ row }
						onClick={ () => {
							const id = generateId( 'l' );
							addLesson( section.id, { id, title: '' } );
							onLessonAdded( id );
						} }
					>
						{ __( 'Add lesson', 'courses-copilot' ) }
					</Button>
				</div>
			) }
		</li>
	);
}
