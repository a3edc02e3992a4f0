/**
 * Where the questions come from: a lesson of this quiz's course, the whole course, or pasted text.
 */
import { __, sprintf } from '@wordpress/i18n';
import {
	RadioControl,
	SelectControl,
	TextareaControl,
} from '@wordpress/components';
import type { QuizCourseContext } from './surface';

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

	const lessonOptions = [
		{
			label: __( 'Choose a lesson…', 'courses-copilot' ),
			value: '0',
			disabled: true,
		},
		...context.lessons.map( ( lesson ) => ( {
			label: lesson.section
				? `${ lesson.title } — ${ lesson.section }`
				: lesson.title,
			value: String( lesson.id ),
		} ) ),
	];
	if (
		value.lessonId &&
		! context.lessons.some( ( l ) => l.id === value.lessonId )
	) {
		lessonOptions.push( {
			label: sprintf(
				/* translators: %d: lesson id */
				__( 'Lesson #%d', 'courses-copilot' ),
				value.lessonId
			),
			value: String( value.lessonId ),
		} );
	}

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
					options={ lessonOptions }
					onChange={ ( id ) =>
						onChange( {
							...value,
							lessonId: parseInt( id, 10 ) || 0,
						} )
					}
				/>
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
