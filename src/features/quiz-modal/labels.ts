/** Translated names of question types and difficulties, used across the modal. */
import { __ } from '@wordpress/i18n';
import type { Difficulty, QuestionType } from '../../schemas/quiz';

export function typeLabel( type: QuestionType ): string {
	switch ( type ) {
		case 'true_false':
			return __( 'True/false', 'courses-copilot' );
		case 'multiple_answer':
			return __( 'Multiple answer', 'courses-copilot' );
		case 'short_answer':
			return __( 'Short answer', 'courses-copilot' );
		default:
			return __( 'Multiple choice', 'courses-copilot' );
	}
}

export function difficultyLabel( difficulty: Difficulty ): string {
	switch ( difficulty ) {
		case 'easy':
			return __( 'Easy', 'courses-copilot' );
		case 'hard':
			return __( 'Hard', 'courses-copilot' );
		default:
			return __( 'Medium', 'courses-copilot' );
	}
}

export const QUESTION_TYPE_VALUES: QuestionType[] = [
	'multiple_choice',
	'true_false',
	'multiple_answer',
	'short_answer',
];
export const DIFFICULTY_VALUES: Difficulty[] = [ 'easy', 'medium', 'hard' ];
