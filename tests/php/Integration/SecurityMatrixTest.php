<?php
/**
 * Every action × {logged out, subscriber, contributor, author, editor, admin} × {no nonce, wrong
 * nonce, right nonce}, asserting the exact status and code. Contributors and authors use the
 * admin's session and the admin's posts (expecting mpcc_not_found / mpcc_forbidden, and nothing
 * changed); editors and admins use their own and succeed. The proxy is faked here.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Ajax\ActionRegistry;
use CoursesCopilot\Sessions\SessionTables;
use CoursesCopilot\Tests\Support\TestCase;

final class SecurityMatrixTest extends TestCase {

	private const USERS  = array( 'logged-out', 'subscriber', 'contributor', 'author', 'editor', 'admin' );
	private const NONCE_KINDS = array( 'none', 'wrong', 'right' );

	/** @return array<string, array{0: string, 1: string, 2: string}> */
	public static function matrix(): array {
		$cases = array();
		foreach ( array_keys( ActionRegistry::ACTIONS ) as $action ) {
			foreach ( self::USERS as $user ) {
				foreach ( self::NONCE_KINDS as $nonce ) {
					$cases[ "{$action} as {$user}, {$nonce} nonce" ] = array( $action, $user, $nonce );
				}
			}
		}
		return $cases;
	}


	/** @dataProvider matrix */
	public function test_access( string $action, string $user, string $nonce ): void {
		$this->fake_proxy( array( self::class, 'canned_reply' ) );
		$admin_session = $this->make_session( 'admin' );
		$owner         = in_array( $user, array( 'editor', 'admin' ), true );
		$session_id    = $owner ? $this->make_session( $user ) : $admin_session;
		$before        = self::session_row( $admin_session );
		$posts_before  = self::count_rows( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->posts}" );

		$login    = 'logged-out' === $user ? null : $user;
		$response = $this->ajax( $action, $this->fields( $action, $session_id ), $login, array( 'none' => false, 'wrong' => 'abc123', 'right' => true )[ $nonce ] );

		list( $status, $code ) = $this->expected( $action, $user, $nonce );
		$this->assertSame( $status, $response->status, $response->body );
		$this->assertSame( $code, 200 === $status ? null : $response->code(), $response->body );
		$this->assertSame( 200 === $status, $response->success() );
		if ( 200 !== $status || ! $owner ) {
			// Refused, or not the admin's to change: the admin's session is exactly as it was.
			$this->assertSame( $before, self::session_row( $admin_session ) );
		}
		if ( 200 !== $status ) {
			$this->assertSame( $posts_before, self::count_rows( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->posts}" ) );
			$this->assertSame( array(), $this->proxy_requests, 'a refused request must not reach the proxy' );
		}
		if ( 'mpcc_list_sessions' === $action && 200 === $status && ! $owner ) {
			$this->assertNotContains( $admin_session, array_column( $response->data()['sessions'], 'session_id' ) );
		}
	}

	/** @return array{0: int, 1: ?string} */
	private function expected( string $action, string $user, string $nonce ): array {
		if ( 'logged-out' === $user ) {
			return array( 401, 'mpcc_not_logged_in' );
		}
		if ( 'right' !== $nonce ) {
			return array( 403, 'mpcc_invalid_nonce' );
		}
		if ( 'subscriber' === $user ) {
			return array( 403, 'mpcc_forbidden' );
		}
		if ( in_array( $user, array( 'contributor', 'author' ), true ) ) {
			if ( self::acts_on_a_post( $action ) ) {
				return array( 403, 'mpcc_forbidden' ); // The admin's post: edit_post says no.
			}
			return 'mpcc_list_sessions' === $action ? array( 200, null ) : array( 404, 'mpcc_not_found' );
		}
		return array( 200, null );
	}

	/** The action's object is a post (edit_post decides), not a session: its declared capability, or the quiz's lesson. */
	private static function acts_on_a_post( string $action ): bool {
		return 'edit_post' === ActionRegistry::ACTIONS[ $action ]['capability'] || 'mpcc_generate_quiz' === $action;
	}

	/** Input that passes validation, so the capability and ownership checks are what is tested. @return array<string, mixed> */
	private function fields( string $action, string $session_id ): array {
		$demo   = self::demo();
		$lesson = (int) get_posts( array( 'post_type' => 'mpcs-lesson', 'author' => self::user_id( 'admin' ), 'numberposts' => 1, 'fields' => 'ids', 'orderby' => 'ID', 'order' => 'ASC' ) )[0];
		switch ( $action ) {
			case 'mpcc_chat_message':
				return array( 'message' => 'Make it shorter.', 'session_id' => $session_id );
			case 'mpcc_create_course':
				return array( 'session_id' => $session_id, 'course_data' => self::structure() );
			case 'mpcc_generate_lesson_content':
				return array( 'session_id' => $session_id, 'section_id' => 's1', 'lesson_id' => 's1l1' );
			case 'mpcc_list_sessions':
				return array();
			case 'mpcc_load_session':
			case 'mpcc_delete_session':
				return array( 'session_id' => $session_id );
			case 'mpcc_auto_save_session':
				return array( 'session_id' => $session_id, 'revision' => 1, 'session_data' => array( 'title' => 'Renamed', 'messages' => array(), 'course_structure' => self::structure(), 'conversation_state' => 'course_structure' ) );
			case 'mpcc_editor_ai_chat':
				return array( 'post_id' => $demo['course_id'], 'post_type' => 'mpcs-course', 'message' => 'Improve the intro.', 'context' => array( 'title' => 'Photography Basics', 'content' => '<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->' ) );
			case 'mpcc_generate_quiz':
				return array( 'lesson_id' => $lesson, 'options' => array( 'count' => 1 ) );
			case 'mpcc_create_quiz_from_lesson':
				return array( 'lesson_id' => $lesson );
			case 'mpcc_create_quiz_for_course':
				return array( 'course_id' => $demo['course_id'] );
		}
		$this->fail( "no fields for {$action}" );
	}

	public function test_every_registered_action_is_in_the_matrix_and_has_a_logged_out_answer(): void {
		foreach ( ActionRegistry::ACTIONS as $action => $entry ) {
			$this->assertTrue( method_exists( $entry['handler'], 'run' ), $action );
			$this->assertNotFalse( has_action( "wp_ajax_{$action}" ), $action );
			$this->assertNotFalse( has_action( "wp_ajax_nopriv_{$action}" ), $action );
		}
		$this->assertSame( 0, self::count_rows( 'SELECT COUNT(*) FROM ' . SessionTables::conversations() . " WHERE title = 'never'" ) );
	}
}
