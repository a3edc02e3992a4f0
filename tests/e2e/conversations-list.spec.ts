/**
 * The course editor's Conversations dialog (issue 14), against a real WordPress: course-design
 * sessions only (not the assistant sidebar's), each with its state and date, paged over all of them.
 *
 * The test runs as a user of its own, so its sessions are its own.
 */
import {
	test,
	expect,
	expectNoConsoleErrors,
	logIn,
	wpEval,
} from './support/fixtures';
import { EDITOR } from './support/course-editor';
import { makeCourse, makeUser } from './support/courses';

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
