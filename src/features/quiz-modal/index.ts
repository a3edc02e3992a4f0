/** The Quiz AI surface: the modal on quizzes, "Create quiz" on lessons. */
import './quiz-modal.scss';
import '../../../blocks/shared/editor.scss';

export { QuizPlugin, QuizTools } from './quiz-plugin';
export { QuizModal } from './quiz-modal';
export { CreateQuizPanel } from './create-quiz-panel';
export { insertQuestions } from './question-block-adapter';
