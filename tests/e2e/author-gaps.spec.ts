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
import type { Page } from '@playwright/test';
import {
	test,
	expect,
	expectNoConsoleErrors,
	wpEval,
	type Site,
} from './support/fixtures';
import { openEditor } from './support/helpers';

/** A course with sections of lessons (each with a paragraph), made directly in the database. */
function makeCourse(
	site: Site,
	title: string,
	sections: string[][]
): { courseId: number; sectionIds: number[]; lessonIds: number[][] } {
	return wpEval(
		site,
		`
		global $wpdb;
		$course = wp_insert_post( array( 'post_type' => 'mpcs-course', 'post_status' => 'draft', 'post_title' => ${ JSON.stringify( title ) } ) );
		$sections = array(); $lessons = array();
		foreach ( json_decode( ${ JSON.stringify( JSON.stringify( sections ) ) }, true ) as $s => $titles ) {
			$wpdb->insert( $wpdb->prefix . 'mpcs_sections', array( 'title' => 'Section ' . ( $s + 1 ), 'description' => '', 'course_id' => $course, 'section_order' => $s, 'created_at' => current_time( 'mysql' ), 'uuid' => wp_generate_uuid4() ) );
			$section = (int) $wpdb->insert_id; $sections[] = $section; $ids = array();
			foreach ( $titles as $i => $lesson_title ) {
				$id = wp_insert_post( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'publish', 'post_title' => $lesson_title,
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
