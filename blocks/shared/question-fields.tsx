/**
 * The fields that edit one question (its text, options, correct answer and explanation), in the quiz
 * question shape (src/schemas/quiz.ts). Used by the question blocks' edit views and by the Quiz AI modal's
 * preview list, so a question is edited the same way before and after it is inserted.
 */
import { __, sprintf } from '@wordpress/i18n';
import {
	Button,
	RadioControl,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import type { QuestionType } from '../../src/schemas/quiz';
import { repeatedOptionIndexes } from '../../src/schemas/option-keys';

export interface EditableQuestion {
	type: QuestionType;
	question: string;
	options: string[];
	correct_answer: string | string[];
	explanation: string;
}

export interface QuestionFieldsProps {
	/** Unique per question on the page: names the radio group and field ids. */
	idPrefix: string;
	value: EditableQuestion;
	onChange: ( changes: Partial< EditableQuestion > ) => void;
}

const MAX_OPTIONS = 8;

export function answersOf(
	value: Pick< EditableQuestion, 'correct_answer' >
): string[] {
	return Array.isArray( value.correct_answer )
		? value.correct_answer
		: [ value.correct_answer ];
}

/** Why the question cannot be used as it is, or null. */
export function questionProblem( value: EditableQuestion ): string | null {
	if ( ! value.question.trim() ) {
		return __( 'Write the question.', 'courses-copilot' );
	}
	if (
		value.type === 'multiple_choice' ||
		value.type === 'multiple_answer'
	) {
		const answers = answersOf( value ).filter( ( a ) => a.trim() );
		const options = value.options.filter( ( o ) => o.trim() );
		if ( options.length < 2 ) {
			return __( 'Add at least two options.', 'courses-copilot' );
		}
		const repeated = repeatedOptionIndexes( value.options )[ 0 ];
		if ( repeated !== undefined ) {
			return sprintf(
				/* translators: 1: option number, 2: the option's text */
				__(
					'Option %1$d (“%2$s”) is the same as another option. Make every option different.',
					'courses-copilot'
				),
				repeated + 1,
				value.options[ repeated ]?.trim() ?? ''
			);
		}
		if (
			! answers.length ||
			answers.some( ( a ) => ! options.includes( a ) )
		) {
			return __( 'Mark the correct option.', 'courses-copilot' );
		}
	}
	if (
		value.type === 'short_answer' &&
		! answersOf( value ).some( ( a ) => a.trim() )
	) {
		return __( 'Write the expected answer.', 'courses-copilot' );
	}
	return null;
}

function ChoiceFields( { idPrefix, value, onChange }: QuestionFieldsProps ) {
	const multiple = value.type === 'multiple_answer';
	const answers = answersOf( value );
	const repeated = new Set( repeatedOptionIndexes( value.options ) );
	const setAnswers = ( next: string[] ) =>
		onChange( { correct_answer: multiple ? next : ( next[ 0 ] ?? '' ) } );

	const rename = ( index: number, text: string ) => {
		const previous = value.options[ index ] ?? '';
		const options = value.options.map( ( o, i ) =>
			i === index ? text : o
		);
		const wasCorrect = answers.includes( previous );
		onChange( {
			options,
			...( wasCorrect
				? {
						correct_answer: multiple
							? answers.map( ( a ) =>
									a === previous ? text : a
								)
							: text,
					}
				: {} ),
		} );
	};
	const remove = ( index: number ) => {
		const removed = value.options[ index ] ?? '';
		onChange( {
			options: value.options.filter( ( _o, i ) => i !== index ),
			...( answers.includes( removed )
				? {
						correct_answer: multiple
							? answers.filter( ( a ) => a !== removed )
							: '',
					}
				: {} ),
		} );
	};
	const toggle = ( option: string, checked: boolean ) => {
		if ( ! multiple ) {
			setAnswers( [ option ] );
			return;
		}
		setAnswers(
			checked
				? [ ...answers.filter( ( a ) => a !== option ), option ]
				: answers.filter( ( a ) => a !== option )
		);
	};

	return (
		<fieldset className="mpcc-question-fields__options">
			<legend>
				{ multiple
					? __(
							'Options (check every correct one)',
							'courses-copilot'
						)
					: __(
							'Options (choose the correct one)',
							'courses-copilot'
						) }
			</legend>
			{ value.options.map( ( option, index ) => {
				const number = index + 1;
				const correct = option !== '' && answers.includes( option );
				const isRepeat = repeated.has( index );
				return (
					<div className="mpcc-question-fields__option" key={ index }>
						<input
							type={ multiple ? 'checkbox' : 'radio' }
							name={ `${ idPrefix }-correct` }
							checked={ correct }
							onChange={ ( event ) =>
								toggle( option, event.target.checked )
							}
							aria-label={ sprintf(
								/* translators: %d: option number */
								__( 'Option %d is correct', 'courses-copilot' ),
								number
							) }
						/>
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ sprintf(
								/* translators: %d: option number */
								__( 'Option %d', 'courses-copilot' ),
								number
							) }
							hideLabelFromVision
							value={ option }
							onChange={ ( text ) => rename( index, text ) }
							aria-invalid={ isRepeat || undefined }
							help={
								isRepeat
									? __(
											'Same as another option.',
											'courses-copilot'
										)
									: undefined
							}
						/>
						<Button
							variant="tertiary"
							isDestructive
							onClick={ () => remove( index ) }
							disabled={ value.options.length <= 2 }
							label={ sprintf(
								/* translators: %d: option number */
								__( 'Remove option %d', 'courses-copilot' ),
								number
							) }
							showTooltip={ false }
						>
							{ __( 'Remove', 'courses-copilot' ) }
						</Button>
					</div>
				);
			} ) }
			{ value.options.length < MAX_OPTIONS && (
				<Button
					variant="secondary"
					onClick={ () =>
						onChange( { options: [ ...value.options, '' ] } )
					}
				>
					{ __( 'Add option', 'courses-copilot' ) }
				</Button>
			) }
		</fieldset>
	);
}

export function QuestionFields( props: QuestionFieldsProps ) {
	const { value, onChange } = props;
	const answer = answersOf( value )[ 0 ] ?? '';
	return (
		<div className="mpcc-question-fields">
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Question', 'courses-copilot' ) }
				value={ value.question }
				onChange={ ( question ) => onChange( { question } ) }
				rows={ 2 }
			/>
			{ ( value.type === 'multiple_choice' ||
				value.type === 'multiple_answer' ) && (
				<ChoiceFields { ...props } />
			) }
			{ value.type === 'true_false' && (
				<RadioControl
					label={ __( 'Correct answer', 'courses-copilot' ) }
					selected={
						answer.toLowerCase() === 'false' ? 'false' : 'true'
					}
					options={ [
						{
							label: __( 'True', 'courses-copilot' ),
							value: 'true',
						},
						{
							label: __( 'False', 'courses-copilot' ),
							value: 'false',
						},
					] }
					onChange={ ( selected ) =>
						onChange( { correct_answer: selected } )
					}
				/>
			) }
			{ value.type === 'short_answer' && (
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Expected answer', 'courses-copilot' ) }
					value={ answer }
					onChange={ ( text ) =>
						onChange( { correct_answer: text } )
					}
				/>
			) }
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Explanation', 'courses-copilot' ) }
				help={ __(
					'For you and other editors; learners never see it.',
					'courses-copilot'
				) }
				value={ value.explanation }
				onChange={ ( explanation ) => onChange( { explanation } ) }
				rows={ 2 }
			/>
		</div>
	);
}
