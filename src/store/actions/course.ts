/** Creating the course from the outline (docs/contracts.md "Ajax actions": mpcc_create_course). */
import { ajax } from '../../api/client';
import { toErrorInfo } from '../../api/error-messages';
import { tracked } from '../request-tracking';
import { runtimeFor } from '../runtime';
import { clientError, ensureSaved, requestTracker, stillOpen } from './shared';
import type { CreatedCourse, Thunk, ThunkArgs } from '../types';

async function create( args: ThunkArgs ): Promise< CreatedCourse | null > {
	const { select, dispatch } = args;
	const structure = select.getCourseStructure();
	if ( ! structure || ! select.canCreateCourse() ) {
		// The button says why; a caller that skipped it gets the first reason.
		const info = toErrorInfo( clientError( 'mpcc_invalid_parameter' ) );
		const reason = select.getCreationBlockers()[ 0 ]?.message;
		dispatch( {
			type: 'REQUEST_FAILURE',
			key: 'create',
			error: reason ? { ...info, message: reason } : info,
		} );
		return null;
	}
	const open = stillOpen( args );
	const sessionId = await ensureSaved( args );
	const request = requestTracker( args, 'create' );
	return tracked( request, null, async () => {
		if ( ! sessionId ) {
			throw clientError( 'mpcc_general', select.getSaveError() );
		}
		const reply = await ajax( 'mpcc_create_course', {
			session_id: sessionId,
			course_data: select.getCourseStructure() ?? structure,
		} );
		if ( ! open() ) {
			return null;
		}
		const course: CreatedCourse = {
			courseId: reply.course_id,
			editUrl: reply.edit_url,
			previewUrl: reply.preview_url,
			sectionsCreated: reply.sections_created,
			lessonsCreated: reply.lessons_created,
		};
		dispatch( { type: 'COURSE_CREATED', course } );
		if ( typeof reply.revision === 'number' ) {
			// The bridge stored created_course_id on the session: build on that revision.
			dispatch( { type: 'ADOPT_REVISION', revision: reply.revision } );
		}
		request.succeed();
		return course;
	} );
}

/**
 * Creates the course from the outline. Idempotent: a session that already created its course
 * returns that course, and a second call while the first runs shares its result.
 */
export const createCourse =
	(): Thunk< CreatedCourse | null > => async ( args ) => {
		const existing = args.select.getCreatedCourse();
		if ( existing ) {
			return existing;
		}
		const runtime = runtimeFor( args.registry );
		if ( ! runtime.creating ) {
			runtime.creating = create( args ).finally( () => {
				runtime.creating = null;
			} );
		}
		return runtime.creating;
	};
