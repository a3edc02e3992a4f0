/**
 * What the quiz checks before questions go in (issues 14 and 18), against a real WordPress with the
 * demo provider: the modal's overall quality score; generating again flags the questions the quiz
 * already has, so none goes in twice; two options that differ only in case or spaces are refused
 * (modal and block); a short-answer block without an expected answer keeps the quiz from being saved.
 */
import type { Locator, Page } from '@playwright/test';
import {
	test,
	expect,
	expectNoConsoleErrors,
	wpEval,
	type Site,
} from './support/fixtures';
import {
	blocks,
	savePost,
	savingLocked,
	waitForBlocks,
	type Wp,
} from './support/block-editor-data';
import { createPost, makeCourse } from './support/courses';
import {
	editorCanvas,
	openEditor,
	openPanel,
	postIdByTitle,
} from './support/helpers';
import { generateQuestions } from './support/quiz-modal';

/** The quiz's question blocks as saved on the server. */
function savedQuestions( site: Site, quizId: number ) {
	return wpEval<
		Array< { name: string; attrs: Record< string, unknown > } >
	>(
		site,
		`return array_values( array_map( fn( $b ) => array( 'name' => $b['blockName'], 'attrs' => $b['attrs'] ),
			array_filter( parse_blocks( get_post( ${ quizId } )->post_content ), fn( $b ) => null !== $b['blockName'] ) ) );`
	);
}

async function openQuizModal( page: Page ) {
	await openPanel( page, 'Quiz AI' );
	await page
		.locator( '.mpcc-quiz-panel' )
		.getByRole( 'button', { name: 'Generate questions' } )
		.click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Generate quiz questions',
	} );
	await expect( dialog ).toBeVisible();
	return dialog;
}

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
	await generateQuestions( dialog, 2 );
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

test( 'generating again into a quiz flags the questions it already has; repeated options are refused', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	test.setTimeout( 180_000 );
	const lesson = postIdByTitle(
		site,
		'mpcs-lesson',
		'Aperture and Depth of Field'
	);
	const text = wpEval< string >(
		site,
		`return \\CoursesCopilot\\Quiz\\QuizSource::from_post( get_post( ${ lesson } ) );`
	);
	const quizId = createPost(
		site,
		'mpcs-quiz',
		`Twice ${ test.info().project.name } ${ Date.now() }`,
		''
	);
	await openEditor( page, quizId );

	const generate = async ( dialog: Locator ) => {
		await dialog.getByRole( 'radio', { name: 'Text I paste' } ).check();
		await dialog
			.getByRole( 'textbox', { name: 'Text to write questions from' } )
			.fill( text );
		await generateQuestions( dialog, 3, /^Generate (questions|again)$/ );
	};

	let dialog = await openQuizModal( page );
	await generate( dialog );

	// Two options made the same (another case, extra spaces): refused, Insert held back.
	await dialog.getByRole( 'button', { name: 'Edit question 1' } ).click();
	const option1 = await dialog
		.getByRole( 'textbox', { name: 'Option 1', exact: true } )
		.inputValue();
	await dialog
		.getByRole( 'textbox', { name: 'Option 2', exact: true } )
		.fill( `  ${ option1.toUpperCase() } ` );
	await expect(
		dialog.getByText( /is the same as another option/ ).first()
	).toBeVisible();
	await expect(
		dialog.getByRole( 'button', { name: 'Insert 3 questions' } )
	).toBeDisabled();
	await dialog
		.getByRole( 'textbox', { name: 'Option 2', exact: true } )
		.fill( 'Something else entirely' );
	await dialog.getByRole( 'button', { name: 'Done editing' } ).click();
	await dialog.getByRole( 'button', { name: 'Insert 3 questions' } ).click();
	await expect( dialog ).toBeHidden();
	await savePost( page );
	const once = savedQuestions( site, quizId ).map(
		( b ) => b.attrs.question
	);
	expect( once ).toHaveLength( 3 );

	// Again from the same text: each question is flagged as already in the quiz and left out.
	dialog = await openQuizModal( page );
	await generate( dialog );
	await expect( dialog.getByText( /Already in this quiz/ ) ).toHaveCount( 3 );
	await expect( dialog.getByText( '0 of 3 selected' ) ).toBeVisible();
	await expect(
		dialog.getByRole( 'button', { name: 'Insert 0 questions' } )
	).toBeDisabled();
	await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
	await savePost( page );
	const after = savedQuestions( site, quizId ).map(
		( b ) => b.attrs.question
	);
	expect( after ).toEqual( once );
	expect( new Set( after ).size ).toBe( after.length );

	// In the block editor too: a repeated option locks saving with a notice.
	const mc = ( await blocks( page ) ).find( ( b ) =>
		b.name.endsWith( '-question' )
	)!;
	const options = mc.attributes.options as string[];
	await page.evaluate(
		( [ clientId, next ] ) =>
			( window as unknown as { wp: Wp } ).wp.data
				.dispatch( 'core/block-editor' )
				.updateBlockAttributes( clientId as string, {
					options: next,
				} ),
		[
			mc.clientId,
			[
				options[ 0 ],
				` ${ options[ 0 ]!.toUpperCase() }`,
				...options.slice( 2 ),
			],
		] as const
	);
	await expect(
		page.locator( '.components-notice' ).filter( {
			hasText: /A quiz question is not finished, so saving is paused/,
		} )
	).toBeVisible();
	expect( await savingLocked( page ) ).toBe( true );
	expectNoConsoleErrors( consoleErrors );
} );

test( 'a short-answer block without an expected answer keeps a published quiz from being saved', async ( {
	page,
	site,
	consoleErrors,
} ) => {
	const question = 'The rule of _____ divides the frame into nine parts.';
	const quizId = createPost(
		site,
		'mpcs-quiz',
		`Short answer ${ test.info().project.name } ${ Date.now() }`,
		`<!-- wp:courses-copilot/short-answer-question ${ JSON.stringify( {
			question,
			correctAnswer: 'thirds',
			explanation: 'The frame is split in thirds both ways.',
		} ) } /-->`
	);
	await openEditor( page, quizId );
	await waitForBlocks( page );
	const canvas = await editorCanvas( page );
	const answer = canvas.getByRole( 'textbox', { name: 'Expected answer' } );
	await expect( answer ).toHaveValue( 'thirds' );
	// "Update" on 6.5, "Save" on 6.6.
	const update = page.getByRole( 'button', { name: /^(Update|Save)$/ } );
	expect( await savingLocked( page ) ).toBe( false );

	await answer.fill( '' );
	await expect(
		page.locator( '.components-notice' ).filter( {
			hasText:
				'A quiz question is not finished, so saving is paused: Write the expected answer.',
		} )
	).toBeVisible();
	expect( await savingLocked( page ) ).toBe( true );
	await expect( update ).toBeDisabled();
	expect( savedQuestions( site, quizId )[ 0 ]?.attrs.correctAnswer ).toBe(
		'thirds'
	);

	await answer.fill( 'thirds, both ways' );
	await expect(
		page
			.locator( '.components-notice' )
			.filter( { hasText: /A quiz question is not finished/ } )
	).toHaveCount( 0 );
	expect( await savingLocked( page ) ).toBe( false );
	await expect( update ).toBeEnabled();
	await update.click();
	await expect
		.poll( () => savedQuestions( site, quizId )[ 0 ]?.attrs.correctAnswer )
		.toBe( 'thirds, both ways' );
	expectNoConsoleErrors( consoleErrors );
} );
