/**
 * Creating a course from the course editor (issue 14), against a real WordPress with the demo
 * provider: each lesson keeps its duration (shown in the outline) and its summary as its excerpt,
 * a drafted lesson too (its draft is its content).
 *
 * The test runs as a user of its own and deletes what it created.
 */
import {
	test,
	expect,
	expectNoConsoleErrors,
	logIn,
	wpEval,
} from './support/fixtures';
import { makeUser } from './support/courses';
import { EDITOR, createCourse } from './support/course-editor';

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

	if ( ! ( await page.locator( '.mpcc-create__button' ).isEnabled() ) ) {
		await page.getByRole( 'button', { name: 'Say it looks good' } ).click();
	}
	await createCourse( page );

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
