/**
 * The edit view shared by the question blocks: the question's fields, its difficulty and points,
 * and a reminder that learners see only the question and its options.
 */
import { __ } from '@wordpress/i18n';
import { useBlockProps } from '@wordpress/block-editor';
import { SelectControl, TextControl } from '@wordpress/components';
import type { BlockEditProps } from '@wordpress/blocks';
import type { QuestionType } from '../../src/schemas/quiz';
import {
	QuestionFields,
	questionProblem,
	type EditableQuestion,
} from './question-fields';
import type { QuestionAttributes } from './attributes';
import { useQuestionSaveLock } from './save-lock';

export type QuestionEditProps = BlockEditProps<
	QuestionAttributes & Record< string, unknown >
>;

export const TYPE_LABELS: Record< QuestionType, string > = {
	multiple_choice: __( 'Multiple choice question', 'courses-copilot' ),
	true_false: __( 'True/false question', 'courses-copilot' ),
	multiple_answer: __( 'Multiple answer question', 'courses-copilot' ),
	short_answer: __( 'Short answer question', 'courses-copilot' ),
};

export function QuestionEdit( {
	type,
	attributes,
	setAttributes,
	clientId,
}: QuestionEditProps & { type: QuestionType } ) {
	const blockProps = useBlockProps( { className: 'mpcc-question-edit' } );
	const value: EditableQuestion = {
		type,
		question: attributes.question ?? '',
		options: attributes.options ?? [],
		correct_answer: attributes.correctAnswer ?? '',
		explanation: attributes.explanation ?? '',
	};
	const onChange = ( changes: Partial< EditableQuestion > ) => {
		const next: Partial< QuestionAttributes > = {};
		if ( changes.question !== undefined ) {
			next.question = changes.question;
		}
		if ( changes.options !== undefined ) {
			next.options = changes.options;
		}
		if ( changes.correct_answer !== undefined ) {
			next.correctAnswer = changes.correct_answer;
		}
		if ( changes.explanation !== undefined ) {
			next.explanation = changes.explanation;
		}
		setAttributes( next );
	};
	const problem = questionProblem( value );
	useQuestionSaveLock( clientId, problem );
	return (
		<div { ...blockProps }>
			<p className="mpcc-question-edit__heading">
				{ TYPE_LABELS[ type ] }
			</p>
			<QuestionFields
				idPrefix={ `mpcc-${ clientId }` }
				value={ value }
				onChange={ onChange }
			/>
			<div className="mpcc-question-edit__meta">
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Difficulty', 'courses-copilot' ) }
					value={ attributes.difficulty }
					options={ [
						{
							label: __( 'Easy', 'courses-copilot' ),
							value: 'easy',
						},
						{
							label: __( 'Medium', 'courses-copilot' ),
							value: 'medium',
						},
						{
							label: __( 'Hard', 'courses-copilot' ),
							value: 'hard',
						},
					] }
					onChange={ ( difficulty ) =>
						setAttributes( {
							difficulty:
								difficulty as QuestionAttributes[ 'difficulty' ],
						} )
					}
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="number"
					min={ 1 }
					max={ 100 }
					label={ __( 'Points', 'courses-copilot' ) }
					value={ String( attributes.points ?? 1 ) }
					onChange={ ( points ) =>
						setAttributes( {
							points: Math.min(
								100,
								Math.max( 1, parseInt( points, 10 ) || 1 )
							),
						} )
					}
				/>
			</div>
			{ problem && (
				<p className="mpcc-question-edit__problem" role="status">
					{ problem }
				</p>
			) }
			<p className="mpcc-question-edit__note">
				{ __(
					'Learners see the question and its options; the correct answer and explanation are never shown on the page.',
					'courses-copilot'
				) }
			</p>
		</div>
	);
}
