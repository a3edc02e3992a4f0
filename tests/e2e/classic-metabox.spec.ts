/**
 * The Classic Editor (issue 14), against a real WordPress with the demo provider: with the block
 * editor off for lessons, the "AI Course Assistant" metabox chats, inserts into the classic editor,
 * and keeps the lesson's own conversation on the server.
 */
import {
	test,
	expect,
	expectNoConsoleErrors,
	logIn,
	wpEval,
} from './support/fixtures';
import { makeCourse, makeUser } from './support/courses';
import { useMuPlugin } from './support/mu-plugin';

// The block editor off for courses and lessons (the Classic Editor's filter), for users with the
// `mpcc_e2e_classic` meta only.
useMuPlugin(
	'mpcc-e2e-classic-editor.php',
	`<?php
// Installed by tests/e2e/classic-metabox.spec.ts; acts only for users with its meta.
add_filter( 'use_block_editor_for_post_type', static function ( $use, $post_type ) {
	return get_user_meta( get_current_user_id(), 'mpcc_e2e_classic', true ) && in_array( $post_type, array( 'mpcs-course', 'mpcs-lesson' ), true ) ? false : $use;
}, 10, 2 );
`
);

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
	const reply = box.locator( '.mpcc-message.is-assistant' ).first();
	await expect( reply ).toContainText( 'learning objectives' );
	// Styled as in the block editor's sidebar: the chat's stylesheet reached this bundle's CSS too
	// (without it the messages were a numbered list and the reply had no accent border).
	await expect( box.locator( '.mpcc-messages__list' ) ).toHaveCSS(
		'list-style-type',
		'none'
	);
	await expect( reply ).toHaveCSS( 'border-left-style', 'solid' );
	await expect( box.locator( '.mpcc-composer' ) ).toHaveCSS(
		'display',
		'flex'
	);
	await box
		.getByRole( 'button', { name: /^Insert into the post/ } )
		.first()
		.click();
	await expect( box.getByRole( 'status' ) ).toHaveText(
		'Inserted into the post. Update the post to keep it.'
	);
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
