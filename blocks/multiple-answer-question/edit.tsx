import { QuestionEdit, type QuestionEditProps } from '../shared/question-edit';

export default function Edit( props: QuestionEditProps ) {
	return <QuestionEdit { ...props } type="multiple_answer" />;
}
