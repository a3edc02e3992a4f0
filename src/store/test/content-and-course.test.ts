/** Thunks of `mpcc/session`: Lesson drafts and course creation. */
import { fakeResponse, flushPromises } from './fake-bridge';
import { makeRegistry } from './helpers';
import { bridge, outline, streamFor } from './thunk-env';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

describe( 'lesson content and course creation', () => {
	async function withOutline() {
		const env = makeRegistry();
		bridge.addSession( {
			session_id: 'S',
			course_structure: outline( [
				{
					id: 's1',
					title: 'A',
					lessons: [
						{ id: 'l1', title: 'One' },
						{ id: 'l2', title: 'Two', content: '<p>done</p>' },
					],
				},
				{
					id: 's2',
					title: 'B',
					lessons: [ { id: 'l3', title: 'Three' } ],
				},
			] ),
		} );
		await env.dispatch().loadSession( 'S' );
		return env;
	}

	it( 'generates one lesson (streamed) into the outline', async () => {
		const { dispatch, select } = await withOutline();
		const stream = streamFor( 'mpcc_generate_lesson_content' );
		const done = dispatch().generateLessonContent( 'l1' );
		await flushPromises();
		stream.current!.event( 'delta', { text: '<p>Fl' } );
		await flushPromises();
		expect( select().getContentProgress() ).toMatchObject( {
			currentLessonId: 'l1',
			streamingText: '<p>Fl',
			total: 1,
		} );
		stream.current!.event( 'done', {
			content: '<p>Flour</p>',
			draft_saved: true,
		} );
		expect( await done ).toBe( '<p>Flour</p>' );
		expect( select().getLesson( 'l1' )?.content ).toBe( '<p>Flour</p>' );
		expect( select().getContentProgress() ).toBeNull();
		expect(
			bridge.callsOf( 'mpcc_generate_lesson_content' )[ 0 ]?.fields
		).toMatchObject( {
			session_id: 'S',
			section_id: 's1',
			lesson_id: 'l1',
		} );
	} );

	it( 'generates all missing lessons with progress n of m, skipping failures', async () => {
		const { registry, dispatch, select } = await withOutline();
		const seen: string[] = [];
		registry.subscribe( () => {
			const p = select().getContentProgress();
			const label = p && `${ p.done } of ${ p.total }`;
			if ( label && seen[ seen.length - 1 ] !== label ) {
				seen.push( label );
			}
		} );
		bridge.handlers.set( 'mpcc_generate_lesson_content', ( fields ) => {
			return fields.lesson_id === 'l3'
				? fakeResponse( 503, {
						success: false,
						data: { code: 'mpcc_ai_service_error', message: 'x' },
					} )
				: fakeResponse( 200, {
						success: true,
						data: {
							content: `<p>${ fields.lesson_id }</p>`,
							draft_saved: true,
						},
					} );
		} );
		const result = await dispatch().generateAllLessonContent();
		expect( result ).toEqual( { done: 1, failed: [ 'l3' ] } );
		expect( seen ).toEqual( [ '0 of 2', '1 of 2' ] );
		expect( select().getLesson( 'l1' )?.content ).toBe( '<p>l1</p>' );
		expect( select().getLesson( 'l2' )?.content ).toBe( '<p>done</p>' );
		expect( select().getRequestStatus( 'content' ) ).toBe( 'done' );
	} );

	it( 'stop ends a generate-all run', async () => {
		const { dispatch, select } = await withOutline();
		const stream = streamFor( 'mpcc_generate_lesson_content' );
		const run = dispatch().generateAllLessonContent();
		await flushPromises();
		await dispatch().stopContentGeneration();
		expect( ( await run ).done ).toBe( 0 );
		expect( stream.current ).not.toBeNull();
		expect( bridge.callsOf( 'mpcc_generate_lesson_content' ) ).toHaveLength(
			1
		);
		expect( select().getRequestStatus( 'content' ) ).toBe( 'init' );
	} );

	it( 'creates the course once, however often it is asked', async () => {
		const { dispatch, select } = await withOutline();
		bridge.handlers.set( 'mpcc_create_course', () =>
			jest.requireActual( './fake-bridge' ).fakeResponse( 200, {
				success: true,
				data: {
					course_id: 42,
					sections_created: 1,
					lessons_created: 2,
					edit_url: '/edit/42',
					preview_url: '/c/42',
					revision: 9,
				},
			} )
		);
		const [ a, b ] = await Promise.all( [
			dispatch().createCourse(),
			dispatch().createCourse(),
		] );
		expect( a ).toEqual( {
			courseId: 42,
			editUrl: '/edit/42',
			previewUrl: '/c/42',
			sectionsCreated: 1,
			lessonsCreated: 2,
		} );
		expect( b ).toEqual( a );
		expect( await dispatch().createCourse() ).toEqual( a );
		expect( bridge.callsOf( 'mpcc_create_course' ) ).toHaveLength( 1 );
		expect(
			JSON.parse(
				bridge.callsOf( 'mpcc_create_course' )[ 0 ]!.fields.course_data!
			).sections
		).toHaveLength( 2 );
		expect( select().getConversationState() ).toBe( 'created' );
		expect( select().getRevision() ).toBe( 9 );
	} );

	it( 'a session that already created its course returns it without a request', async () => {
		const { dispatch } = makeRegistry();
		bridge.addSession( {
			session_id: 'C',
			created_course_id: 77,
			course_structure: outline( [
				{ id: 's', title: 's', lessons: [] },
			] ),
		} );
		await dispatch().loadSession( 'C' );
		expect( ( await dispatch().createCourse() )?.courseId ).toBe( 77 );
		expect( bridge.callsOf( 'mpcc_create_course' ) ).toHaveLength( 0 );
	} );

	it( 'an empty outline is refused without a request', async () => {
		const { dispatch, select } = makeRegistry();
		expect( await dispatch().createCourse() ).toBeNull();
		expect( select().getRequestError( 'create' )?.code ).toBe(
			'mpcc_invalid_parameter'
		);
		expect( bridge.calls ).toHaveLength( 0 );
	} );
} );
