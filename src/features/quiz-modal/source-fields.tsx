/**
 * Where the questions come from: a lesson of this quiz's course, the whole course, or pasted text.
 */
import { __, sprintf } from '@wordpress/i18n';
import {
	RadioControl,
	SelectControl,
	TextareaControl,
} from '@wordpress/components';
import type { QuizCourseContext, QuizLessonOption } from './surface';

export type SourceMode = 'lesson' | 'course' | 'content';

export interface SourceDraft {
	mode: SourceMode;
	lessonId: number;
	content: string;
}

interface Props {
	context: QuizCourseContext;
	value: SourceDraft;
	onChange: ( value: SourceDraft ) => void;
	disabled?: boolean;
}

interface LessonGroup {
	/** The section (this quiz's course) or the course (recent lessons); '' for lessons in neither. */
	label: string;
	lessons: QuizLessonOption[];
}

/**
 * The lessons under their section, or under their course when the quiz is in none, each group where
 * its first lesson is in the list (curriculum order, or most recent first).
 */
function lessonGroups( lessons: QuizLessonOption[] ): LessonGroup[] {
	const groups = new Map< string, LessonGroup >();
	for ( const lesson of lessons ) {
		const label = lesson.section || lesson.course;
		const group = groups.get( label ) ?? { label, lessons: [] };
		group.lessons.push( lesson );
		groups.set( label, group );
	}
	return [ ...groups.values() ];
}

function lessonOption( lesson: QuizLessonOption ) {
	return (
		<option key={ lesson.id } value={ String( lesson.id ) }>
			{ lesson.title }
		</option>
	);
}

export function SourceFields( { context, value, onChange, disabled }: Props ) {
	const modes: Array< { label: string; value: SourceMode } > = [];
	if ( context.lessons.length ) {
		modes.push( {
			label: __( 'A lesson', 'courses-copilot' ),
			value: 'lesson',
		} );
	}
	if ( context.courseId ) {
		modes.push( {
			label: sprintf(
				/* translators: %s: course title */
				__( 'The whole course (%s)', 'courses-copilot' ),
				context.courseTitle || __( 'untitled', 'courses-copilot' )
			),
			value: 'course',
		} );
	}
	modes.push( {
		label: __( 'Text I paste', 'courses-copilot' ),
		value: 'content',
	} );

	const unlisted =
		value.lessonId > 0 &&
		! context.lessons.some( ( l ) => l.id === value.lessonId );

	return (
		<fieldset className="mpcc-quiz-modal__source" disabled={ disabled }>
			<legend>{ __( 'Source', 'courses-copilot' ) }</legend>
			<RadioControl
				label={ __( 'Write questions from', 'courses-copilot' ) }
				hideLabelFromVision
				selected={ value.mode }
				options={ modes }
				onChange={ ( mode ) =>
					onChange( { ...value, mode: mode as SourceMode } )
				}
			/>
			{ value.mode === 'lesson' && (
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Lesson', 'courses-copilot' ) }
					value={ String( value.lessonId || 0 ) }
					onChange={ ( id ) =>
						onChange( {
							...value,
							lessonId: parseInt( id, 10 ) || 0,
						} )
					}
				>
					<option value="0" disabled>
						{ __( 'Choose a lesson…', 'courses-copilot' ) }
					</option>
					{ lessonGroups( context.lessons ).map( ( group ) =>
						group.label ? (
							<optgroup key={ group.label } label={ group.label }>
								{ group.lessons.map( lessonOption ) }
							</optgroup>
						) : (
							group.lessons.map( lessonOption )
						)
					) }
					{ unlisted && (
						<option value={ String( value.lessonId ) }>
							{ sprintf(
								/* translators: %d: lesson id */
								__( 'Lesson #%d', 'courses-copilot' ),
								value.lessonId
							) }
						</option>
					) }
				</SelectControl>
			) }
			{ value.mode === 'content' && (
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __(
						'Text to write questions from',
						'courses-copilot'
					) }
					value={ value.content }
					onChange={ ( content ) =>
						onChange( { ...value, content } )
					}
					rows={ 6 }
				/>
			) }
		</fieldset>
	);
}
