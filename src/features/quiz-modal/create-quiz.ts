/**
 * "Create quiz" from a lesson or a course: the bridge's `mpcc_create_quiz_from_lesson` places an
 * mpcs-quiz draft right after the lesson, `mpcc_create_quiz_for_course` after the course's last
 * lesson; both answer `{ quiz_id, edit_url }`. We then open that quiz with the modal ready and the
 * lesson, or the whole course, chosen (`?mpcc_quiz_source=<lesson id>|course`).
 *
 * The actions are not (yet) in src/api's typed action list, so they are posted here with the same
 * nonce and reply handling as the client's (readReply turns failures into ApiErrors).
 */
import apiFetch from '@wordpress/api-fetch';
import { getConfig } from '../../api/config';
import { readReply, toTransportError } from '../../api/client';
import { COURSE_SOURCE, quizEditorUrl } from './surface';

export const CREATE_QUIZ_ACTION = 'mpcc_create_quiz_from_lesson';
export const CREATE_COURSE_QUIZ_ACTION = 'mpcc_create_quiz_for_course';

/** What the quiz is made for: a lesson (placed after it) or a whole course (placed at its end). */
export type QuizFor = { lessonId: number } | { courseId: number };

export interface CreatedQuiz {
	quiz_id: number;
	edit_url: string;
}

export async function createQuizFromLesson(
	lessonId: number
): Promise< CreatedQuiz > {
	return createQuiz( { lessonId } );
}

export async function createQuiz( target: QuizFor ): Promise< CreatedQuiz > {
	const config = getConfig();
	const body = new URLSearchParams(
		'courseId' in target
			? {
					action: CREATE_COURSE_QUIZ_ACTION,
					nonce: config.nonces.quiz,
					course_id: String( target.courseId ),
				}
			: {
					action: CREATE_QUIZ_ACTION,
					nonce: config.nonces.quiz,
					lesson_id: String( target.lessonId ),
				}
	);
	let response: Response;
	try {
		response = await apiFetch< Response, false >( {
			url: config.ajaxUrl,
			method: 'POST',
			body,
			parse: false,
		} );
	} catch ( error ) {
		if (
			error &&
			typeof ( error as Response ).text === 'function' &&
			typeof ( error as Response ).status === 'number'
		) {
			response = error as Response;
		} else {
			throw toTransportError( error );
		}
	}
	return readReply< CreatedQuiz >( response );
}

/** Creates the quiz (for a lesson id, or a course) and goes to its editor. */
export async function createQuizAndOpen(
	target: number | QuizFor,
	navigate: ( url: string ) => void = ( url ) => window.location.assign( url )
): Promise< CreatedQuiz > {
	const quizFor = typeof target === 'number' ? { lessonId: target } : target;
	const created = await createQuiz( quizFor );
	navigate(
		quizEditorUrl(
			created.edit_url,
			'courseId' in quizFor ? COURSE_SOURCE : quizFor.lessonId
		)
	);
	return created;
}
