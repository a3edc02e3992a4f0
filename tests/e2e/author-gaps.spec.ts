/**
 * What a course author tripped over (issue 14), against a real WordPress with the demo provider:
 * quiz AI visible on an empty quiz; a whole-course quiz from the course editor, placed after the
 * course's last lesson; the Conversations dialog (course-design sessions only, paged); lesson
 * duration and summary kept at creation; the quiz's quality score; the composer refusing an
 * over-long message; the demo banner gone on the first real reply; the Classic Editor metabox.
 *
 * Every test makes its own posts (or its own user), so it does not disturb the seeded course that
 * other specs use at the same time.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import {
	test,
	expect,
	expectNoConsoleErrors,
	logIn,
	PASSWORD,
	wpEval,
	type Site,
} from './support/fixtures';
import { openEditor } from './support/helpers';

const EDITOR = '/wp-admin/admin.php?page=mpcc-course-editor';

/*
 * A must-use plugin this spec installs in its own sites, acting only for users carrying its user
 * meta, so tests running at the same time as admin see nothing of it:
 * - `mpcc_e2e_classic`: the block editor off for courses and lessons (the Classic Editor's filter);
 * - `mpcc_e2e_real_provider` = a port: task calls to the proxy go through a relay on that port,
 *   which answers what the demo proxy answers but with `demo: false`, as a real provider would.
 */
const MU_PLUGIN = 'mpcc-e2e-author-gaps.php';
const MU_PLUGIN_CODE = `<?php
// Installed by tests/e2e/author-gaps.spec.ts; acts only for users with its meta.
add_filter( 'use_block_editor_for_post_type', static function ( $use, $post_type ) {
	return get_user_meta( get_current_user_id(), 'mpcc_e2e_classic', true ) && in_array( $post_type, array( 'mpcs-course', 'mpcs-lesson' ), true ) ? false : $use;
}, 10, 2 );
add_filter( 'pre_http_request', static function ( $pre, $args, $url ) {
	$port = (int) get_user_meta( get_current_user_id(), 'mpcc_e2e_real_provider', true );
	if ( ! $port || ! defined( 'MPCC_PROXY_URL' ) || 0 !== strpos( $url, MPCC_PROXY_URL . '/v1/tasks/' ) ) {
		return $pre;
	}
	$args['headers']['X-Upstream'] = $url;
	return wp_remote_request( 'http://127.0.0.1:' . $port . '/relay', $args );
}, 10, 3 );
`;

function coreDir( testInfo: TestInfo ): string {
	const dir = ( testInfo.project.metadata as { coreDir?: string } ).coreDir;
	if ( ! dir ) {
		throw new Error( 'Run the e2e tests with npm run test:e2e' );
	}
	return dir;
}

test.beforeAll( ( {}, testInfo ) => {
	fs.writeFileSync(
		path.join( coreDir( testInfo ), 'wp-content/mu-plugins', MU_PLUGIN ),
		MU_PLUGIN_CODE
	);
} );
test.afterAll( ( {}, testInfo ) => {
	fs.rmSync(
		path.join( coreDir( testInfo ), 'wp-content/mu-plugins', MU_PLUGIN ),
		{ force: true }
	);
} );

/** An administrator of this spec's own (so its sessions are its own), with the given user meta. */
function makeUser(
	site: Site,
	testInfo: TestInfo,
	name: string,
	meta: Record< string, string > = {}
): { login: string; id: number } {
	const login = `gaps-${ name }-${ testInfo.project.name.replace( /\W/g, '' ) }`;
	const id = wpEval< number >(
		site,
		`global $wpdb;
		$user = get_user_by( 'login', ${ JSON.stringify( login ) } );
		$id = $user ? $user->ID : wp_insert_user( array( 'user_login' => ${ JSON.stringify( login ) }, 'user_pass' => ${ JSON.stringify( PASSWORD ) }, 'user_email' => ${ JSON.stringify( login ) } . '@example.test', 'role' => 'administrator' ) );
		$wpdb->delete( $wpdb->prefix . 'mpcc_conversations', array( 'user_id' => $id ) );
		foreach ( json_decode( ${ JSON.stringify( JSON.stringify( meta ) ) }, true ) as $key => $value ) { update_user_meta( $id, $key, $value ); }
		return (int) $id;`
	);
	return { login, id };
}

/**
 * A course with sections of lessons (each with a paragraph), made directly in the database. Dated
 * long ago, so they sort after the seeded posts on the admin lists other specs page through.
 */
function makeCourse(
	site: Site,
	title: string,
	sections: string[][]
): { courseId: number; sectionIds: number[]; lessonIds: number[][] } {
	return wpEval(
		site,
		`
		global $wpdb;
		$long_ago = '2001-01-01 00:00:00';
		$course = wp_insert_post( array( 'post_type' => 'mpcs-course', 'post_status' => 'draft', 'post_date' => $long_ago, 'post_title' => ${ JSON.stringify( title ) } ) );
		$sections = array(); $lessons = array();
		foreach ( json_decode( ${ JSON.stringify( JSON.stringify( sections ) ) }, true ) as $s => $titles ) {
			$wpdb->insert( $wpdb->prefix . 'mpcs_sections', array( 'title' => 'Section ' . ( $s + 1 ), 'description' => '', 'course_id' => $course, 'section_order' => $s, 'created_at' => current_time( 'mysql' ), 'uuid' => wp_generate_uuid4() ) );
			$section = (int) $wpdb->insert_id; $sections[] = $section; $ids = array();
			foreach ( $titles as $i => $lesson_title ) {
				$id = wp_insert_post( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'publish', 'post_date' => $long_ago, 'post_title' => $lesson_title,
					'post_content' => "<!-- wp:paragraph -->\\n<p>" . esc_html( $lesson_title ) . " explains how light, time and sensitivity work together. A photographer balances them to expose a picture well, and each choice changes how the picture looks.</p>\\n<!-- /wp:paragraph -->" ) );
				update_post_meta( $id, '_mpcs_lesson_section_id', $section );
				update_post_meta( $id, '_mpcs_lesson_lesson_order', $i + 1 );
				$ids[] = $id;
			}
			$lessons[] = $ids;
		}
		return array( 'courseId' => $course, 'sectionIds' => $sections, 'lessonIds' => $lessons );
	`
	);
}

/** Every lesson and quiz of a section, in order. */
function sectionItems( site: Site, section: number ) {
	return wpEval< Array< { id: number; type: string; order: number } > >(
		site,
		`$items = get_posts( array( 'post_type' => array( 'mpcs-lesson', 'mpcs-quiz' ), 'post_status' => 'any', 'numberposts' => -1,
			'meta_key' => '_mpcs_lesson_section_id', 'meta_value' => ${ section } ) );
		$out = array_map( fn( $p ) => array( 'id' => $p->ID, 'type' => $p->post_type, 'order' => (int) get_post_meta( $p->ID, '_mpcs_lesson_lesson_order', true ) ), $items );
		usort( $out, fn( $a, $b ) => $a['order'] <=> $b['order'] );
		return $out;`
	);
}

/** Opens a document-settings panel (plugin panels start closed). */
async function openPanel( page: Page, title: string ) {
	const toggle = page
		.locator( '.components-panel__body-toggle' )
		.filter( { hasText: new RegExp( `^${ title }$` ) } );
	await expect( toggle ).toBeVisible();
	if ( ( await toggle.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
		await toggle.click();
	}
}

test( 'an empty quiz shows a visible "Generate questions with AI" button that opens the modal', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	const quizId = wpEval< number >(
		site,
		`return wp_insert_post( array( 'post_type' => 'mpcs-quiz', 'post_status' => 'draft', 'post_title' => 'Empty quiz ' . wp_generate_password( 6, false ) ) );`
	);
	await openEditor( page, quizId );
	const invite = page.getByRole( 'button', {
		name: 'Generate questions with AI',
	} );
	// Visible without opening any panel or menu.
	await expect( invite ).toBeVisible();
	await invite.click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Generate quiz questions',
	} );
	await expect( dialog ).toBeVisible();
	await expect( invite ).toBeHidden();
	await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
	await expect( dialog ).toBeHidden();
	await expect( invite ).toBeVisible();
	expectNoConsoleErrors( consoleErrors );
} );

test( 'from the course editor, "Create a quiz for this course" makes a whole-course quiz after the last lesson', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	const course = makeCourse( site, 'Light and Time', [
		[ 'Aperture Basics', 'Shutter Basics' ],
		[ 'ISO Basics', 'Putting It Together' ],
	] );
	const lastSection = course.sectionIds[ 1 ]!;
	const lastLesson = course.lessonIds[ 1 ]![ 1 ]!;

	await openEditor( page, course.courseId );
	await openPanel( page, 'Quiz' );
	await page
		.getByRole( 'button', { name: 'Create a quiz for this course' } )
		.click();
	await page.waitForURL( ( url ) => {
		const post = url.searchParams.get( 'post' );
		return (
			url.pathname.endsWith( '/post.php' ) &&
			!! post &&
			post !== String( course.courseId )
		);
	} );
	const quizId = Number( new URL( page.url() ).searchParams.get( 'post' ) );

	// The modal is ready with the whole course as the source.
	const dialog = page.getByRole( 'dialog', {
		name: 'Generate quiz questions',
	} );
	await expect( dialog ).toBeVisible();
	await expect(
		dialog.getByRole( 'radio', {
			name: 'The whole course (Light and Time)',
		} )
	).toBeChecked();
	await expect( page ).not.toHaveURL( /mpcc_quiz_source/ );

	// Placed at the end of the course: right after its last lesson, in the last section.
	const items = sectionItems( site, lastSection );
	expect( items.map( ( i ) => i.id ) ).toEqual( [
		course.lessonIds[ 1 ]![ 0 ],
		lastLesson,
		quizId,
	] );
	expect( items.map( ( i ) => i.order ) ).toEqual( [ 1, 2, 3 ] );
	expect(
		wpEval< string >( site, `return get_post( ${ quizId } )->post_title;` )
	).toBe( 'Quiz: Light and Time' );

	// Questions come from the whole course.
	await dialog
		.getByRole( 'spinbutton', { name: 'How many (1–20)' } )
		.fill( '2' );
	await dialog.getByRole( 'button', { name: 'Generate questions' } ).click();
	await expect(
		dialog.getByRole( 'status' ).filter( { hasText: '2 questions ready' } )
	).toBeVisible( { timeout: 30_000 } );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'the courses list offers "Create a quiz for this course" on each course', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	const course = makeCourse( site, 'Listed Course', [ [ 'Only Lesson' ] ] );
	await page.goto(
		'/wp-admin/edit.php?post_type=mpcs-course&post_status=draft'
	);
	const row = page.locator( `#post-${ course.courseId }` );
	await row.hover();
	await row
		.getByRole( 'button', {
			name: 'Create a quiz for the course “Listed Course”',
		} )
		.click();
	await page.waitForURL( /post\.php\?post=\d+&action=edit/ );
	const quizId = Number( new URL( page.url() ).searchParams.get( 'post' ) );
	await expect(
		page
			.getByRole( 'dialog', { name: 'Generate quiz questions' } )
			.getByRole( 'radio', { name: 'The whole course (Listed Course)' } )
	).toBeChecked();
	expect(
		sectionItems( site, course.sectionIds[ 0 ]! ).map( ( i ) => i.id )
	).toEqual( [ course.lessonIds[ 0 ]![ 0 ], quizId ] );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'Conversations lists only course-design sessions, each with its state and date, paged over all of them', async ( {
	page,
	site,
	consoleErrors,
}, testInfo ) => {
	const user = makeUser( site, testInfo, 'convo' );
	const course = makeCourse( site, 'Sidebar Course', [ [ 'A Lesson' ] ] );
	wpEval(
		site,
		`global $wpdb;
		$table = $wpdb->prefix . 'mpcc_conversations';
		$row = static function ( $title, $state, $age, $metadata ) use ( $wpdb, $table ) {
			$when = gmdate( 'Y-m-d H:i:s', time() - $age );
			$wpdb->insert( $table, array( 'session_id' => wp_generate_uuid4(), 'user_id' => ${ user.id }, 'title' => $title,
				'messages' => '[{"role":"user","content":"Hello"}]', 'context' => '{"course_structure":null,"ui":{}}', 'current_state' => $state,
				'metadata' => $metadata, 'revision' => 1, 'created_at' => $when, 'updated_at' => $when ) );
		};
		for ( $i = 1; $i <= 26; $i++ ) {
			$row( sprintf( 'Design %02d', $i ), 0 === $i % 2 ? 'created' : 'course_structure', 10000 - $i * 60, '{}' );
		}
		// The assistant sidebar's sessions, bound to their post: newer than all of the above.
		$row( 'Auto Draft', 'initial', 5, '{"post_id":${ course.courseId }}' );
		$row( 'Auto Draft', 'initial', 6, '{"post_id":${ course.lessonIds[ 0 ]![ 0 ] }}' );
		return true;`
	);
	await logIn( page, user.login );
	await page.goto( EDITOR );
	await page.getByRole( 'button', { name: 'Conversations' } ).click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Previous conversations',
	} );
	const items = dialog.locator( '.mpcc-sessions__item' );
	await expect( items ).toHaveCount( 20 );
	await expect( dialog ).toContainText( 'Page 1 of 2 (26 conversations)' );
	await expect( dialog.getByText( 'Auto Draft' ) ).toHaveCount( 0 );
	await expect( items.first().locator( '.mpcc-sessions__title' ) ).toHaveText(
		'Design 26'
	);
	// Each with its state and its date.
	await expect( items.first().locator( '.mpcc-sessions__meta' ) ).toHaveText(
		/^Course created · .*\d/
	);
	await expect( items.nth( 1 ).locator( '.mpcc-sessions__meta' ) ).toHaveText(
		/^Outlining · .*\d/
	);

	await dialog.getByRole( 'button', { name: 'Older' } ).click();
	await expect( dialog ).toContainText( 'Page 2 of 2 (26 conversations)' );
	await expect( items ).toHaveCount( 6 );
	await expect( items.locator( '.mpcc-sessions__title' ) ).toHaveText( [
		'Design 06',
		'Design 05',
		'Design 04',
		'Design 03',
		'Design 02',
		'Design 01',
	] );
	await expect(
		dialog.getByRole( 'button', { name: 'Older' } )
	).toBeDisabled();
	await dialog.getByRole( 'button', { name: 'Newer' } ).click();
	await expect( items.first().locator( '.mpcc-sessions__title' ) ).toHaveText(
		'Design 26'
	);
	expectNoConsoleErrors( consoleErrors );
} );

test( 'created lessons keep their duration (shown in the outline) and their summary, a drafted one too', async ( {
	page,
	site,
	consoleErrors,
}, testInfo ) => {
	test.setTimeout( 150_000 );
	const user = makeUser( site, testInfo, 'create' );
	await logIn( page, user.login );
	await page.goto( EDITOR );
	const box = page.getByRole( 'textbox', { name: 'Message' } );
	await box.fill( 'A course on knot tying for sailors' );
	await box.press( 'Enter' );
	await expect( page.locator( '.mpcc-section' ).first() ).toBeVisible();

	// Durations show in the outline.
	const durations = page.locator( '.mpcc-lesson__duration' );
	await expect( durations.first() ).toHaveText( /^\d+ min$/ );
	const shown = ( await durations.allTextContents() ).map( ( t ) =>
		parseInt( t, 10 )
	);
	const outline = await page.evaluate( () =>
		(
			window as unknown as {
				wp: {
					data: {
						select: ( s: string ) => {
							getAllLessons: () => Array< {
								title: string;
								summary?: string;
							} >;
						};
					};
				};
			}
		 ).wp.data
			.select( 'mpcc/session' )
			.getAllLessons()
			.map( ( l ) => ( { title: l.title, summary: l.summary ?? '' } ) )
	);
	const titles = outline.map( ( l ) => l.title );
	expect( shown ).toHaveLength( titles.length );

	// Draft the first lesson, so a draft (not the summary) becomes its content.
	const first = page.locator( '.mpcc-lesson' ).first();
	await first.getByRole( 'button', { name: /^Draft/ } ).click();
	await first.getByRole( 'button', { name: 'Draft content' } ).click();
	await expect( first.locator( '.mpcc-badge.is-success' ) ).toHaveText(
		'Draft ready',
		{ timeout: 30_000 }
	);

	const create = page.locator( '.mpcc-create__button' );
	if ( ! ( await create.isEnabled() ) ) {
		await page.getByRole( 'button', { name: 'Say it looks good' } ).click();
	}
	await expect( create ).toBeEnabled( { timeout: 20_000 } );
	await create.click();
	await page
		.getByRole( 'dialog', { name: 'Create this course?' } )
		.getByRole( 'button', { name: 'Create course' } )
		.click();
	await expect(
		page.locator( '.mpcc-create' ).getByText( 'Course created.' )
	).toBeVisible( { timeout: 30_000 } );

	const lessons = wpEval<
		Array< {
			title: string;
			excerpt: string;
			duration: string;
			content: string;
		} >
	>(
		site,
		`$course = get_posts( array( 'post_type' => 'mpcs-course', 'post_status' => 'any', 'author' => ${ user.id }, 'numberposts' => 1, 'orderby' => 'ID' ) )[0];
		return array_map( fn( $l ) => array( 'title' => $l->post_title, 'excerpt' => $l->post_excerpt,
			'duration' => (string) get_post_meta( $l->ID, '_mpcc_lesson_duration_minutes', true ), 'content' => $l->post_content ),
			\\CoursesCopilot\\Courses\\CourseOutline::lessons( $course->ID ) );`
	);
	expect( lessons.map( ( l ) => l.title ) ).toEqual( titles );
	expect( lessons.map( ( l ) => Number( l.duration ) ) ).toEqual( shown );
	// Every summary is its lesson's excerpt, the drafted lesson's too (its draft is the content).
	expect( lessons.map( ( l ) => l.excerpt ) ).toEqual(
		outline.map( ( l ) => l.summary )
	);
	expect( outline.every( ( l ) => l.summary !== '' ) ).toBe( true );
	expect( lessons[ 0 ]!.content ).toContain( '<!-- wp:heading' );
	// Out of the way of the lists other specs page through.
	wpEval(
		site,
		`foreach ( get_posts( array( 'post_type' => array( 'mpcs-course', 'mpcs-lesson' ), 'post_status' => 'any', 'author' => ${ user.id }, 'numberposts' => -1 ) ) as $p ) { wp_delete_post( $p->ID, true ); } return true;`
	);
	expectNoConsoleErrors( consoleErrors );
} );

test( 'the quiz modal shows the overall quality score', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	const course = makeCourse( site, 'Scored Course', [
		[ 'Exposure Triangle', 'Aperture Priority' ],
		[ 'Shutter Priority', 'Manual Mode' ],
	] );
	const quizId = wpEval< number >(
		site,
		`$quiz = wp_insert_post( array( 'post_type' => 'mpcs-quiz', 'post_status' => 'draft', 'post_title' => 'Scored quiz' ) );
		update_post_meta( $quiz, '_mpcs_lesson_section_id', ${ course.sectionIds[ 1 ] } );
		update_post_meta( $quiz, '_mpcs_lesson_lesson_order', 3 );
		return $quiz;`
	);
	await openEditor( page, quizId );
	await page
		.getByRole( 'button', { name: 'Generate questions with AI' } )
		.click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Generate quiz questions',
	} );
	await dialog
		.getByRole( 'radio', { name: 'The whole course (Scored Course)' } )
		.check();
	await dialog
		.getByRole( 'spinbutton', { name: 'How many (1–20)' } )
		.fill( '2' );
	await dialog.getByRole( 'button', { name: 'Generate questions' } ).click();
	await expect(
		dialog.getByRole( 'status' ).filter( { hasText: '2 questions ready' } )
	).toBeVisible( { timeout: 30_000 } );
	const score = await page.evaluate(
		() =>
			(
				window as unknown as {
					wp: {
						data: {
							select: ( s: string ) => {
								getMeta: () => { qualityScore: number };
							};
						};
					};
				}
			 ).wp.data
				.select( 'mpcc/quiz' )
				.getMeta().qualityScore
	);
	await expect( dialog.locator( '.mpcc-quiz-modal__score' ) ).toContainText(
		`Quality score: ${ Math.round( score ) }/100`
	);
	expectNoConsoleErrors( consoleErrors );
} );

test( 'a message over 8,000 characters is refused in the browser, before anything is sent, and kept', async ( {
	page,
	consoleErrors,
} ) => {
	const sent: string[] = [];
	page.on( 'request', ( request ) => {
		if ( ( request.postData() ?? '' ).includes( 'mpcc_chat_message' ) ) {
			sent.push( request.url() );
		}
	} );
	await page.goto( EDITOR );
	const box = page.getByRole( 'textbox', { name: 'Message' } );
	const long = 'word '.repeat( 1600 ) + 'x'; // 8,001 characters
	await box.fill( long );
	await expect( page.getByRole( 'alert' ) ).toContainText(
		'8,001 characters: messages can be at most 8,000.'
	);
	await expect( page.getByRole( 'button', { name: 'Send' } ) ).toBeDisabled();
	await box.press( 'Enter' );
	await expect( box ).toHaveValue( long );
	await expect( page.locator( '.mpcc-message.is-user' ) ).toHaveCount( 0 );
	expect( sent ).toEqual( [] );
	// One character less, and it goes.
	await box.press( 'End' );
	await box.press( 'Backspace' );
	await expect( page.getByRole( 'alert' ) ).toHaveCount( 0 );
	await expect( page.getByRole( 'button', { name: 'Send' } ) ).toBeEnabled();
	expectNoConsoleErrors( consoleErrors );
} );

/** Relays task calls to the demo proxy, answering `demo: false` as a real provider would. */
async function startRealProviderRelay(): Promise< {
	port: number;
	close: () => Promise< void >;
	calls: string[];
} > {
	const calls: string[] = [];
	const server = http.createServer( ( request, response ) => {
		const upstream = String( request.headers[ 'x-upstream' ] ?? '' );
		calls.push( upstream );
		const headers = { ...request.headers };
		delete headers[ 'x-upstream' ];
		delete headers.host;
		const forward = http.request(
			upstream,
			{ method: request.method, headers },
			( answer ) => {
				const out = { ...answer.headers };
				delete out[ 'content-length' ];
				response.writeHead( answer.statusCode ?? 502, out );
				answer.on( 'data', ( chunk: Buffer ) =>
					response.write(
						chunk
							.toString( 'utf8' )
							.replace( /"demo":\s*true/g, '"demo":false' )
					)
				);
				answer.on( 'end', () => response.end() );
			}
		);
		forward.on( 'error', () => response.destroy() );
		request.pipe( forward );
	} );
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const address = server.address();
	return {
		port: typeof address === 'object' && address ? address.port : 0,
		calls,
		close: () =>
			new Promise( ( resolve ) => server.close( () => resolve() ) ),
	};
}

test( 'the "Demo model" banner goes on the first reply from a real provider', async ( {
	page,
	site,
	consoleErrors,
}, testInfo ) => {
	const relay = await startRealProviderRelay();
	try {
		const user = makeUser( site, testInfo, 'real', {
			mpcc_e2e_real_provider: String( relay.port ),
		} );
		await logIn( page, user.login );
		await page.goto( EDITOR );
		// The page was printed with the provider PHP knew: the demo.
		const banner = page.locator( '.mpcc-demo-banner' );
		await expect( banner ).toBeVisible();
		const box = page.getByRole( 'textbox', { name: 'Message' } );
		await box.fill( 'A course on sea kayaking' );
		await box.press( 'Enter' );
		await expect(
			page.locator( '.mpcc-message.is-assistant' ).first()
		).toBeVisible();
		await expect( banner ).toHaveCount( 0 );
		expect(
			relay.calls.some( ( url ) =>
				url.endsWith( '/v1/tasks/course-turn' )
			)
		).toBe( true );
	} finally {
		await relay.close();
	}
	expectNoConsoleErrors( consoleErrors );
} );

test( 'with the block editor off for lessons, the "AI Course Assistant" metabox chats and inserts through the classic editor', async ( {
	page,
	site,
	consoleErrors,
}, testInfo ) => {
	const user = makeUser( site, testInfo, 'classic', {
		mpcc_e2e_classic: '1',
	} );
	const course = makeCourse( site, 'Classic Course', [
		[ 'Metering Modes' ],
	] );
	const lessonId = course.lessonIds[ 0 ]![ 0 ]!;
	// A post written in the Classic Editor: plain HTML, no block markup.
	wpEval(
		site,
		`return wp_update_post( array( 'ID' => ${ lessonId }, 'post_content' => '<p>Metering modes decide how the camera reads the light in a scene before it sets the exposure.</p>' ) );`
	);
	await logIn( page, user.login );
	await page.goto( `/wp-admin/post.php?post=${ lessonId }&action=edit` );
	// The Classic Editor, not the block editor.
	await expect( page.locator( '#wp-content-wrap' ) ).toBeVisible();
	await expect( page.locator( '.block-editor-page' ) ).toHaveCount( 0 );

	const box = page.locator( '#side-sortables #mpcc-ai-assistant' );
	await expect(
		box.getByRole( 'heading', { name: 'AI Course Assistant' } )
	).toBeVisible();
	const message = box.getByRole( 'textbox', {
		name: 'Message to the copilot',
	} );
	await expect( message ).toBeEnabled();
	await message.fill( 'Write learning objectives' );
	await message.press( 'Enter' );
	await expect(
		box.locator( '.mpcc-message.is-assistant' ).first()
	).toContainText( 'learning objectives' );
	await box
		.getByRole( 'button', { name: /^Insert into the post/ } )
		.first()
		.click();
	const content = await page.evaluate( () =>
		(
			window as unknown as {
				tinymce: {
					get: ( id: string ) => { getContent: () => string };
				};
			}
		 ).tinymce
			.get( 'content' )
			.getContent()
	);
	expect( content ).toContain( 'Learning objectives' );
	expect( content ).toMatch( /<li>Explain the role of /i );
	expect( content ).not.toContain( '<!-- wp:' );

	// The conversation is the lesson's own, saved on the server.
	await expect
		.poll( () =>
			wpEval< number >(
				site,
				`global $wpdb; return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}mpcc_conversations WHERE user_id = ${ user.id } AND metadata LIKE '%\\"post_id\\":${ lessonId }%' AND messages LIKE '%learning objectives%'" );`
			)
		)
		.toBe( 1 );
	expectNoConsoleErrors( consoleErrors );
} );
