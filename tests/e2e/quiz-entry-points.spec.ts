/**
 * Where a course author starts a quiz (issue 14), against a real WordPress with the demo provider:
 * quiz AI visible on an empty quiz; a whole-course quiz from the course editor and from the courses
 * list, placed after the course's last lesson.
 *
 * Every test makes its own posts, so it does not disturb the seeded course other specs use.
 */
import {
	test,
	expect,
	expectNoConsoleErrors,
	wpEval,
} from './support/fixtures';
import { makeCourse, sectionItems } from './support/courses';
import { openEditor, openPanel } from './support/helpers';
import { generateQuestions } from './support/quiz-modal';

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
	await generateQuestions( dialog, 2 );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'the courses list offers "Create a quiz for this course" on each course', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	const course = makeCourse( site, 'Listed Course', [
		[ 'First Lesson', 'Second Lesson' ],
	] );
	// One short lesson is too little to write questions from: the reason, and no empty quiz.
	const tooShort = makeCourse( site, 'Barely Begun', [ [ 'Only Lesson' ] ] );
	await page.goto(
		'/wp-admin/edit.php?post_type=mpcs-course&post_status=draft'
	);
	const shortRow = page.locator( `#post-${ tooShort.courseId }` );
	await shortRow.hover();
	const alert = page.waitForEvent( 'dialog' );
	await shortRow
		.getByRole( 'button', {
			name: 'Create a quiz for the course “Barely Begun”',
		} )
		.click();
	const shown = await alert;
	expect( shown.message() ).toContain(
		'There is not enough content to write good questions from.'
	);
	expect( shown.message() ).toContain( 'Add at least 50 words' );
	await shown.dismiss();
	expect(
		sectionItems( site, tooShort.sectionIds[ 0 ]! ).map( ( i ) => i.id )
	).toEqual( [ tooShort.lessonIds[ 0 ]![ 0 ] ] );

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
	).toEqual( [ ...course.lessonIds[ 0 ]!, quizId ] );
	// Chromium logs every 4xx response; the 422 for the short course is the answer under test.
	expectNoConsoleErrors(
		consoleErrors.filter(
			( message ) =>
				! /status of 422 \(Unprocessable (Entity|Content)\)/.test(
					message
				)
		)
	);
} );
