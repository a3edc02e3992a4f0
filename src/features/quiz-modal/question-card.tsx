/**
 * One generated question in the preview list: include it or not, read it (correct answer and
 * explanation shown to the instructor), edit it in place, regenerate it alone, or remove it.
 */
import { __, sprintf } from '@wordpress/i18n';
import { Button, CheckboxControl, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { store as quizStore } from '../../store/quiz';
import type { QuizItem } from '../../store/quiz';
import {
	QuestionFields,
	answersOf,
	questionProblem,
	type EditableQuestion,
} from '../../../blocks/shared/question-fields';
import { QualityChecks } from './quality-checks';
import { difficultyLabel, typeLabel } from './labels';

interface Props {
	item: QuizItem;
	number: number;
	/** Disable regenerate while a whole generation runs. */
	busy: boolean;
}

function AnswerPreview( { item }: { item: QuizItem } ) {
	const answers = answersOf( item );
	if ( item.type === 'short_answer' ) {
		return (
			<p className="mpcc-quiz-question__answer">
				<strong>{ __( 'Expected answer:', 'courses-copilot' ) }</strong>{ ' ' }
				{ answers.join( ', ' ) }
			</p>
		);
	}
	const options =
		item.type === 'true_false' ? [ 'true', 'false' ] : item.options;
	return (
		<ul className="mpcc-quiz-question__options">
			{ options.map( ( option, index ) => {
				const correct = answers.some(
					( a ) => a.toLowerCase() === option.toLowerCase()
				);
				let label = option;
				if ( item.type === 'true_false' ) {
					label =
						option === 'true'
							? __( 'True', 'courses-copilot' )
							: __( 'False', 'courses-copilot' );
				}
				return (
					<li
						key={ index }
						className={ correct ? 'is-correct' : undefined }
					>
						{ label }
						{ correct && (
							<span className="mpcc-quiz-question__correct">
								{ ' ' }
								{ __( '(correct answer)', 'courses-copilot' ) }
							</span>
						) }
					</li>
				);
			} ) }
		</ul>
	);
}

export function QuestionCard( { item, number, busy }: Props ) {
	const { selected, editing, regenerating } = useSelect(
		( select ) => ( {
			selected: select( quizStore ).isSelected( item.id ),
			editing: select( quizStore ).getEditingId() === item.id,
			regenerating: select( quizStore ).isRegenerating( item.id ),
		} ),
		[ item.id ]
	);
	const {
		toggleSelected,
		setEditing,
		updateQuestion,
		removeQuestion,
		regenerateQuestion,
	} = useDispatch( quizStore );
	const headingId = `mpcc-quiz-question-${ item.id }`;
	const problem = questionProblem( item );

	return (
		<li
			className={ `mpcc-quiz-question${ selected ? ' is-selected' : '' }` }
			aria-labelledby={ headingId }
		>
			<div className="mpcc-quiz-question__header">
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ sprintf(
						/* translators: %d: question number */
						__( 'Include question %d', 'courses-copilot' ),
						number
					) }
					checked={ selected }
					onChange={ () => toggleSelected( item.id ) }
				/>
				<span className="mpcc-quiz-question__meta">
					{ typeLabel( item.type ) } ·{ ' ' }
					{ difficultyLabel( item.difficulty ) } ·{ ' ' }
					{ sprintf(
						/* translators: %d: points */
						__( '%d pt', 'courses-copilot' ),
						item.points
					) }
				</span>
			</div>
			<h3 id={ headingId } className="mpcc-quiz-question__text">
				<span className="screen-reader-text">
					{ sprintf(
						/* translators: %d: question number */
						__( 'Question %d:', 'courses-copilot' ),
						number
					) }{ ' ' }
				</span>
				{ item.question }
			</h3>
			{ editing ? (
				<div className="mpcc-quiz-question__editor">
					<QuestionFields
						idPrefix={ headingId }
						value={ item as EditableQuestion }
						onChange={ ( changes ) =>
							updateQuestion( item.id, changes )
						}
					/>
					{ problem && (
						<p
							className="mpcc-quiz-question__problem"
							role="status"
						>
							{ problem }
						</p>
					) }
					<Button
						variant="primary"
						onClick={ () => setEditing( null ) }
						disabled={ !! problem }
					>
						{ __( 'Done editing', 'courses-copilot' ) }
					</Button>
				</div>
			) : (
				<>
					<AnswerPreview item={ item } />
					{ item.explanation && (
						<p className="mpcc-quiz-question__explanation">
							<strong>
								{ __( 'Explanation:', 'courses-copilot' ) }
							</strong>{ ' ' }
							{ item.explanation }
						</p>
					) }
					{ item.source_excerpt && (
						<p className="mpcc-quiz-question__excerpt">
							<strong>
								{ __( 'From the source:', 'courses-copilot' ) }
							</strong>{ ' ' }
							“{ item.source_excerpt }”
						</p>
					) }
				</>
			) }
			<QualityChecks checks={ item.checks } type={ item.type } />
			<div className="mpcc-quiz-question__actions">
				{ ! editing && (
					<Button
						variant="secondary"
						onClick={ () => setEditing( item.id ) }
						aria-label={ sprintf(
							/* translators: %d: question number */
							__( 'Edit question %d', 'courses-copilot' ),
							number
						) }
					>
						{ __( 'Edit', 'courses-copilot' ) }
					</Button>
				) }
				<Button
					variant="secondary"
					onClick={ () => regenerateQuestion( item.id ) }
					disabled={ busy || regenerating }
					isBusy={ regenerating }
					aria-label={ sprintf(
						/* translators: %d: question number */
						__( 'Regenerate question %d', 'courses-copilot' ),
						number
					) }
				>
					{ regenerating
						? __( 'Regenerating…', 'courses-copilot' )
						: __( 'Regenerate', 'courses-copilot' ) }
				</Button>
				{ regenerating && <Spinner /> }
				<Button
					variant="tertiary"
					isDestructive
					onClick={ () => removeQuestion( item.id ) }
					aria-label={ sprintf(
						/* translators: %d: question number */
						__( 'Remove question %d', 'courses-copilot' ),
						number
					) }
				>
					{ __( 'Remove', 'courses-copilot' ) }
				</Button>
			</div>
		</li>
	);
}
