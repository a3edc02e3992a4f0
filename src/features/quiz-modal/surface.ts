/**
 * What PHP tells the quiz bundle about its page (`mpccConfig.surface`): which surface this is
 * ('quiz' on quizzes, 'sidebar' on lessons), the post, and on quizzes the course context
 * (php-bridge/Blocks/QuizEditorContext.php). Read lazily, never at import time.
 */
export interface QuizLessonOption {
	id: number;
	title: string;
	/** Its section in this quiz's course. */
	section: string;
	/** Its course, for a quiz not yet in one (whose list holds recent lessons of any course). */
	course: string;
}

export interface QuizCourseContext {
	courseId: number;
	courseTitle: string;
	lessons: QuizLessonOption[];
}

export interface QuizSurface {
	name: string;
	postId: number;
	postType: string;
	quiz: QuizCourseContext;
}

/** The URL parameter that opens a quiz with the modal ready and this lesson (or the course) as its source. */
export const SOURCE_PARAM = 'mpcc_quiz_source';
/** `?mpcc_quiz_source=course`: the whole course the quiz sits in. */
export const COURSE_SOURCE = 'course';

const NO_COURSE: QuizCourseContext = Object.freeze( {
	courseId: 0,
	courseTitle: '',
	lessons: [],
} ) as unknown as QuizCourseContext;

function toInt( value: unknown ): number {
	const n =
		typeof value === 'number'
			? value
			: parseInt( String( value ?? '' ), 10 );
	return Number.isFinite( n ) && n > 0 ? Math.trunc( n ) : 0;
}

export function readSurface(): QuizSurface {
	const raw =
		( typeof window === 'undefined'
			? undefined
			: (
					window as unknown as {
						mpccConfig?: { surface?: Record< string, unknown > };
					}
				 ).mpccConfig?.surface ) ?? {};
	const quiz = ( raw.quiz ?? {} ) as Partial< QuizCourseContext >;
	const lessons = Array.isArray( quiz.lessons )
		? quiz.lessons
				.map( ( l ) => ( {
					id: toInt( l?.id ),
					title: String( l?.title ?? '' ),
					section: String( l?.section ?? '' ),
					course: String( l?.course ?? '' ),
				} ) )
				.filter( ( l ) => l.id > 0 )
		: [];
	return {
		name: String( raw.name ?? '' ),
		postId: toInt( raw.postId ),
		postType: String( raw.postType ?? '' ),
		quiz: raw.quiz
			? {
					courseId: toInt( quiz.courseId ),
					courseTitle: String( quiz.courseTitle ?? '' ),
					lessons,
				}
			: NO_COURSE,
	};
}

/** The lesson id in `?mpcc_quiz_source=`, or 0. */
export function readSourceParam(
	search: string = typeof window === 'undefined' ? '' : window.location.search
): number {
	return toInt( new URLSearchParams( search ).get( SOURCE_PARAM ) );
}

/** True for `?mpcc_quiz_source=course`. */
export function readCourseSourceParam(
	search: string = typeof window === 'undefined' ? '' : window.location.search
): boolean {
	return new URLSearchParams( search ).get( SOURCE_PARAM ) === COURSE_SOURCE;
}

/** Drops `?mpcc_quiz_source=` from the address bar, so a reload does not reopen the modal. */
export function forgetSourceParam(): void {
	if ( typeof window === 'undefined' || ! window.history?.replaceState ) {
		return;
	}
	const url = new URL( window.location.href );
	if ( url.searchParams.has( SOURCE_PARAM ) ) {
		url.searchParams.delete( SOURCE_PARAM );
		window.history.replaceState( window.history.state, '', url.toString() );
	}
}

/** `edit_url` from the bridge (possibly HTML-escaped) with the source lesson (or `course`) added. */
export function quizEditorUrl(
	editUrl: string,
	lessonId: number | typeof COURSE_SOURCE,
	base: string = typeof window === 'undefined'
		? 'http://localhost/'
		: window.location.href
): string {
	const url = new URL( editUrl.replace( /&amp;/g, '&' ), base );
	url.searchParams.set( SOURCE_PARAM, String( lessonId ) );
	return url.toString();
}
