/** Lesson drafts: one lesson or all of them, streamed one at a time, with progress and Stop. */
import { CLIENT_ERROR_CODES, isSessionExpiredCode } from '../../api/errors';
import { toErrorInfo } from '../../api/error-messages';
import { SSEClient } from '../../api/sse-client';
import { endRequest, isAborted } from '../request-tracking';
import { runtimeFor } from '../runtime';
import { closeStreams, runStream } from '../stream-lifecycle';
import {
	clientError,
	ensureSaved,
	requestTracker,
	saveOnStop,
	stillOpen,
} from './shared';
import type { ContentProgress, Thunk, ThunkArgs } from '../types';

async function generateOne(
	args: ThunkArgs,
	lessonId: string,
	instructions?: string
): Promise< string | null > {
	const { select, dispatch, registry } = args;
	const sectionId = select.getLessonSectionId( lessonId );
	const sessionId = select.getSessionId();
	if ( ! sectionId || ! sessionId ) {
		return null;
	}
	const open = stillOpen( args );
	const request = requestTracker( args, 'content' );
	const client = new SSEClient(
		'mpcc_generate_lesson_content',
		{
			session_id: sessionId,
			section_id: sectionId,
			lesson_id: lessonId,
			...( instructions ? { instructions } : {} ),
		},
		{
			delta: ( { text } ) => {
				if ( open() ) {
					request.streaming();
					dispatch( { type: 'CONTENT_DELTA', text } );
				}
			},
		}
	);
	return runStream( registry, 'content', client, ( reply ) => {
		if (
			! open() ||
			typeof reply.content !== 'string' ||
			! reply.content
		) {
			return null;
		}
		dispatch( {
			type: 'SET_LESSON_CONTENT',
			id: lessonId,
			content: reply.content,
		} );
		return reply.content;
	} );
}

/**
 * One drafting run (one lesson or all): progress shown while `work` runs; on the way out the progress
 * goes and the request ends as done, stopped (saved at once, so the server keeps no stopped draft) or
 * failed. Nothing is touched once another conversation was opened.
 */
async function contentRun(
	args: ThunkArgs,
	work: ( progress: ( next: ContentProgress ) => void ) => Promise< void >
): Promise< void > {
	const open = stillOpen( args );
	const request = requestTracker( args, 'content' );
	const progress = ( next: ContentProgress | null ) =>
		args.dispatch( { type: 'CONTENT_PROGRESS', progress: next } );
	request.start();
	try {
		await work( progress );
		if ( open() ) {
			progress( null );
			request.succeed();
		}
	} catch ( error ) {
		if ( open() ) {
			progress( null );
			await endRequest( request, error, () => saveOnStop( args ) );
		}
	}
}

/** The session must be on the server before a draft is asked for: its save error says why not. */
async function requireSaved( args: ThunkArgs ): Promise< void > {
	if ( ! ( await ensureSaved( args ) ) ) {
		throw clientError( 'mpcc_general', args.select.getSaveError() );
	}
}

/** Writes one lesson's content (streamed; progress under getContentProgress()). Resolves to the content or null. */
export const generateLessonContent =
	(
		lessonId: string,
		options: { instructions?: string } = {}
	): Thunk< string | null > =>
	async ( args ) => {
		const { select } = args;
		if (
			select.isRequesting( 'content' ) ||
			! select.getLesson( lessonId )
		) {
			return null;
		}
		let content: string | null = null;
		await contentRun( args, async ( progress ) => {
			progress( {
				done: 0,
				total: 1,
				currentLessonId: lessonId,
				failed: [],
				streamingText: null,
			} );
			await requireSaved( args );
			content = await generateOne( args, lessonId, options.instructions );
		} );
		return content;
	};

/** Stop, offline and an expired session end a whole run; any other failure skips one lesson. */
function endsTheRun( error: unknown ): boolean {
	const code = toErrorInfo( error ).code;
	return (
		isAborted( error ) ||
		code === CLIENT_ERROR_CODES.offline ||
		isSessionExpiredCode( code )
	);
}

/**
 * Writes every lesson without content (or all, with `overwrite`), one at a time, with progress
 * "n of m". A failing lesson is recorded and skipped; an expired session, offline or stop ends the run.
 */
export const generateAllLessonContent =
	( { overwrite = false }: { overwrite?: boolean } = {} ): Thunk< {
		done: number;
		failed: string[];
	} > =>
	async ( args ) => {
		const { select, registry } = args;
		if ( select.isRequesting( 'content' ) ) {
			return { done: 0, failed: [] };
		}
		const lessons = overwrite
			? select.getAllLessons()
			: select.getLessonsWithoutContent();
		const ids = lessons.map( ( l ) => l.id );
		const runtime = runtimeFor( registry );
		runtime.contentCancelled = false;
		const open = stillOpen( args );
		const failed: string[] = [];
		let done = 0;
		await contentRun( args, async ( progress ) => {
			const show = ( currentLessonId: string | null ) =>
				progress( {
					done,
					total: ids.length,
					currentLessonId,
					failed: failed.slice(),
					streamingText: null,
				} );
			if ( ids.length ) {
				await requireSaved( args );
			}
			for ( const id of ids ) {
				if ( runtime.contentCancelled || ! open() ) {
					break;
				}
				show( id );
				try {
					await generateOne( args, id );
					done += 1;
				} catch ( error ) {
					if ( endsTheRun( error ) ) {
						throw error;
					}
					failed.push( id );
				}
			}
		} );
		return { done, failed };
	};

export const stopContentGeneration =
	(): Thunk =>
	async ( { registry } ) => {
		runtimeFor( registry ).contentCancelled = true;
		closeStreams( registry, 'content' );
	};
