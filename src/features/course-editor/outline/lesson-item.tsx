/**
 * One lesson in the outline: title edited in place, drag handle, move up/down, delete, and
 * its draft (opened below the row).
 */
import { Button } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { store as sessionStore } from '../../../store';
import { DraftPanel } from './draft-panel';
import { DragHandle } from './drag-handle';
import { ItemActions, ItemProblems } from './item-actions';
import { dragging, endDrag } from './drag';
import { RowTitle } from './row-title';
import type { Lesson } from '../../../store/types';

export interface LessonItemProps {
	lesson: Lesson;
	sectionId: string;
	index: number;
	number: string;
	isActive: boolean;
	isWriting: boolean;
	onMove: ( id: string, delta: number ) => void;
	onDelete: ( lesson: Lesson ) => void;
	/** What keeps this lesson from being created ("Lesson 1.3 needs a title"). */
	problems?: string[];
}

export function LessonItem( {
	lesson,
	sectionId,
	index,
	number,
	isActive,
	isWriting,
	onMove,
	onDelete,
	problems = [],
}: LessonItemProps ) {
	const { renameLesson, moveLesson, setActiveLesson } =
		useDispatch( sessionStore );
	const row = useRef< HTMLLIElement >( null );
	const [ dropTarget, setDropTarget ] = useState( false );
	const label = lesson.title || __( 'Untitled lesson', 'courses-copilot' );
	const inputId = `mpcc-lesson-${ lesson.id }`;
	const problemsId = `${ inputId }-problems`;

	return (
		<li
			ref={ row }
			className={ `mpcc-lesson${ isActive ? ' is-active' : '' }${ dropTarget ? ' is-drop-target' : '' }` }
			data-lesson-id={ lesson.id }
			onDragOver={ ( event ) => {
				if ( dragging( 'lesson' ) ) {
					event.preventDefault();
					event.stopPropagation();
					setDropTarget( true );
				}
			} }
			onDragLeave={ () => setDropTarget( false ) }
			onDrop={ ( event ) => {
				const item = dragging( 'lesson' );
				setDropTarget( false );
				if ( item && item.id !== lesson.id ) {
					event.preventDefault();
					event.stopPropagation();
					moveLesson( item.id, sectionId, index );
				}
				endDrag();
			} }
		>
			<div className="mpcc-lesson__row" data-row={ `l:${ lesson.id }` }>
				<DragHandle
					item={ { kind: 'lesson', id: lesson.id } }
					row={ row }
				/>
				<span className="mpcc-lesson__number" aria-hidden="true">
					{ number }
				</span>
				<RowTitle
					id={ inputId }
					label={ sprintf(
						/* translators: %s: lesson number, e.g. 1.2 */
						__( 'Lesson %s title', 'courses-copilot' ),
						number
					) }
					className="mpcc-lesson__title"
					value={ lesson.title }
					placeholder={ __( 'Untitled lesson', 'courses-copilot' ) }
					problemsId={ problems.length ? problemsId : undefined }
					onChange={ ( title ) => renameLesson( lesson.id, title ) }
				/>
				{ lesson.duration_minutes ? (
					<span className="mpcc-badge mpcc-lesson__duration">
						{ sprintf(
							/* translators: %d: lesson length in minutes */
							__( '%d min', 'courses-copilot' ),
							lesson.duration_minutes
						) }
					</span>
				) : null }
				{ lesson.content ? (
					<span className="mpcc-badge is-success">
						{ __( 'Draft ready', 'courses-copilot' ) }
					</span>
				) : null }
				{ isWriting && (
					<span className="mpcc-badge">
						{ __( 'Writing…', 'courses-copilot' ) }
					</span>
				) }
				<ItemActions
					labels={ {
						up: sprintf(
							/* translators: %s: lesson title */
							__( 'Move lesson “%s” up', 'courses-copilot' ),
							label
						),
						down: sprintf(
							/* translators: %s: lesson title */
							__( 'Move lesson “%s” down', 'courses-copilot' ),
							label
						),
						remove: sprintf(
							/* translators: %s: lesson title */
							__( 'Delete lesson “%s”', 'courses-copilot' ),
							label
						),
					} }
					onMove={ ( delta ) => onMove( lesson.id, delta ) }
					onDelete={ () => onDelete( lesson ) }
				>
					<Button
						size="compact"
						variant={ isActive ? 'secondary' : 'tertiary' }
						aria-expanded={ isActive }
						onClick={ () =>
							setActiveLesson( isActive ? null : lesson.id )
						}
					>
						{ lesson.content
							? __( 'View draft', 'courses-copilot' )
							: __( 'Draft', 'courses-copilot' ) }
						<span className="screen-reader-text">
							{ sprintf(
								/* translators: %s: lesson title */
								__( 'of %s', 'courses-copilot' ),
								label
							) }
						</span>
					</Button>
				</ItemActions>
			</div>
			<ItemProblems id={ problemsId } problems={ problems } />
			{ isActive && (
				<div data-row={ `l:${ lesson.id }` } data-roving-skip>
					<DraftPanel lesson={ lesson } />
				</div>
			) }
		</li>
	);
}
