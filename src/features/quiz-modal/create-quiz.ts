/**
 * "Create quiz" from a lesson: the bridge's `mpcc_create_quiz_from_lesson` places an mpcs-quiz draft
 * right after the lesson in its section and answers `{ quiz_id, edit_url }`; we then open that quiz
 * with the modal ready and the lesson chosen (`?mpcc_quiz_source=`).
 *
 * The action is not (yet) in src/api's typed action list, so it is posted here with the same
 * nonce and reply handling as the client's (readReply turns failures into ApiErrors).
 */
import apiFetch from '@wordpress/api-fetch';
import { getConfig } from '../../api/config';
import { readReply, toTransportError } from '../../api/client';
import { quizEditorUrl } from './surface';

export const CREATE_QUIZ_ACTION = 'mpcc_create_quiz_from_lesson';

export interface CreatedQuiz {
	quiz_id: number;
	edit_url: string;
}

export async function createQuizFromLesson(
	lessonId: number
): Promise< CreatedQuiz > {
	const config = getConfig();
	const body = new URLSearchParams( {
		action: CREATE_QUIZ_ACTION,
		nonce: config.nonces.quiz,
		lesson_id: String( lessonId ),
	} );
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

/** Creates the quiz and goes to its editor. */
export async function createQuizAndOpen(
	lessonId: number,
	navigate: ( url: string ) => void = ( url ) => window.location.assign( url )
): Promise< CreatedQuiz > {
	const created = await createQuizFromLesson( lessonId );
	navigate( quizEditorUrl( created.edit_url, lessonId ) );
	return created;
}
