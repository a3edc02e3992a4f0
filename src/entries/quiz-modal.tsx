/**
 * Mounts the Quiz AI surface: the modal on quizzes, the "Create quiz" panel on lessons.
 */
import { registerPlugin } from '@wordpress/plugins';
import { QuizPlugin } from '../features/quiz-modal';

registerPlugin( 'courses-copilot-quiz', {
	render: QuizPlugin,
} );
