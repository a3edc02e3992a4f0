/**
 * What to generate: question type, how many (1–20), difficulty, and extra instructions.
 */
import { __ } from '@wordpress/i18n';
import { useEffect, useState } from '@wordpress/element';
import {
	SelectControl,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import type { QuizOptions } from '../../schemas/quiz';
import {
	DIFFICULTY_VALUES,
	QUESTION_TYPE_VALUES,
	difficultyLabel,
	typeLabel,
} from './labels';

export const MIN_COUNT = 1;
export const MAX_COUNT = 20;

export function clampCount( value: unknown ): number {
	const n =
		typeof value === 'number' ? value : parseInt( String( value ), 10 );
	return Number.isFinite( n )
		? Math.min( MAX_COUNT, Math.max( MIN_COUNT, Math.trunc( n ) ) )
		: 5;
}

/** A select over a fixed list of values, each shown by its translated name. */
function ChoiceSelect< T extends string >( {
	label,
	value,
	values,
	labelOf,
	onChange,
}: {
	label: string;
	value: T;
	values: T[];
	labelOf: ( choice: T ) => string;
	onChange: ( choice: T ) => void;
} ) {
	return (
		<SelectControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ label }
			value={ value }
			options={ values.map( ( choice ) => ( {
				value: choice,
				label: labelOf( choice ),
			} ) ) }
			onChange={ ( choice ) => onChange( choice as T ) }
		/>
	);
}

interface Props {
	value: QuizOptions;
	onChange: ( changes: Partial< QuizOptions > ) => void;
	disabled?: boolean;
}

export function OptionsFields( { value, onChange, disabled }: Props ) {
	// The count is typed freely and clamped when it leaves the field.
	const [ count, setCount ] = useState( String( value.count ) );
	useEffect( () => setCount( String( value.count ) ), [ value.count ] );

	return (
		<fieldset className="mpcc-quiz-modal__options" disabled={ disabled }>
			<legend>{ __( 'Questions', 'courses-copilot' ) }</legend>
			<div className="mpcc-quiz-modal__row">
				<ChoiceSelect
					label={ __( 'Question type', 'courses-copilot' ) }
					value={ value.type }
					values={ QUESTION_TYPE_VALUES }
					labelOf={ typeLabel }
					onChange={ ( type ) => onChange( { type } ) }
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="number"
					min={ MIN_COUNT }
					max={ MAX_COUNT }
					label={ __( 'How many (1–20)', 'courses-copilot' ) }
					value={ count }
					onChange={ ( next ) => {
						setCount( next );
						const n = parseInt( next, 10 );
						if ( n >= MIN_COUNT && n <= MAX_COUNT ) {
							onChange( { count: n } );
						}
					} }
					onBlur={ () => {
						const clamped = clampCount( count );
						setCount( String( clamped ) );
						onChange( { count: clamped } );
					} }
				/>
				<ChoiceSelect
					label={ __( 'Difficulty', 'courses-copilot' ) }
					value={ value.difficulty }
					values={ DIFFICULTY_VALUES }
					labelOf={ difficultyLabel }
					onChange={ ( difficulty ) => onChange( { difficulty } ) }
				/>
			</div>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __(
					'Extra instructions (optional)',
					'courses-copilot'
				) }
				help={ __(
					'For example: focus on definitions, or avoid trick questions.',
					'courses-copilot'
				) }
				value={ value.instructions ?? '' }
				onChange={ ( instructions ) =>
					onChange( { instructions: instructions || undefined } )
				}
				rows={ 2 }
			/>
		</fieldset>
	);
}
