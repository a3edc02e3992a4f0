<?php
/**
 * mpcc_editor_ai_chat: the sidebar's context (live editor + course outline from the data model),
 * suggestions cleaned, the exchange kept in a session bound to the post.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Sessions\History;
use CoursesCopilot\Sessions\SessionRepository;
use CoursesCopilot\Tests\Support\TestCase;

final class EditorAiChatTest extends TestCase {

	/** @return array<string, mixed> */
	private function lesson_fields( string $message = 'Make the first paragraph clearer.' ): array {
		$lesson = get_posts( array( 'post_type' => 'mpcs-lesson', 'title' => 'Shutter Speed and Motion', 'numberposts' => 1 ) )[0];
		return array( 'post_id' => $lesson->ID, 'post_type' => 'mpcs-lesson', 'message' => $message, 'context' => array( 'title' => 'Shutter Speed (edited)', 'content' => "<!-- wp:paragraph -->\n<p>Unsaved edit.</p>\n<!-- /wp:paragraph -->", 'selected_block' => array( 'client_id' => 'abc', 'name' => 'core/paragraph', 'content' => 'Unsaved edit.' ) ) );
	}

	public function test_a_lesson_gets_its_course_and_section_and_the_session_is_bound_to_it(): void {
		$fields   = $this->lesson_fields();
		$response = $this->ajax( 'mpcc_editor_ai_chat', $fields );
		$this->assertSame( 200, $response->status, $response->body );
		$data = $response->data();
		$this->assertNotSame( '', $data['message'] );
		$this->assertIsArray( $data['suggestions'] );
		$this->assertSame( 'Photography Basics', $data['context']['course_title'] );
		$this->assertSame( 'Understanding Exposure', $data['context']['section_title'] );

		$post = $this->proxy_requests[0]['body']['post'];
		$this->assertSame( $fields['post_id'], $post['id'] );
		$this->assertSame( 'Shutter Speed (edited)', $post['title'] );
		$this->assertStringContainsString( 'Unsaved edit.', $post['content'] );
		$this->assertSame( 'core/paragraph', $post['selected_block']['name'] );

		$found = $this->ajax( 'mpcc_list_sessions', array( 'post_id' => $fields['post_id'] ) )->data();
		$this->assertSame( 1, $found['total'] );
		$this->assertSame( $data['session_id'], $found['sessions'][0]['session_id'] );

		$again = $this->ajax( 'mpcc_editor_ai_chat', array_merge( $fields, array( 'session_id' => $data['session_id'], 'message' => 'And shorter.' ) ) );
		$this->assertSame( 200, $again->status, $again->body );
		$this->assertCount( 2, $this->proxy_requests[1]['body']['history'] );

		// That session belongs to this lesson: another post cannot use it.
		$course = (int) self::demo()['course_id'];
		$other  = $this->ajax( 'mpcc_editor_ai_chat', array( 'post_id' => $course, 'post_type' => 'mpcs-course', 'message' => 'Hi', 'session_id' => $data['session_id'], 'context' => array( 'title' => 'x', 'content' => '' ) ) );
		$this->assertSame( 404, $other->status );
	}

	public function test_retry_after_a_failed_reply_asks_the_saved_question_once(): void {
		$fields = $this->lesson_fields();
		$id     = $this->ajax( 'mpcc_editor_ai_chat', $fields )->data()['session_id'];
		// The next reply failed (the proxy was down) and the browser saved the question unanswered.
		$sessions = new SessionRepository( get_current_user_id() );
		$session  = $sessions->find( $id );
		$session->add_message( History::user_message( 'And shorter.' ) );
		$sessions->save( $session );

		$again = $this->ajax( 'mpcc_editor_ai_chat', array_merge( $fields, array( 'session_id' => $id, 'message' => 'And shorter.' ) ) );
		$this->assertSame( 200, $again->status, $again->body );
		$this->assertSame( array( 'Make the first paragraph clearer.' ), array_column( array_filter( $this->proxy_requests[1]['body']['history'], static fn( $m ) => 'user' === $m['role'] ), 'content' ) );
		$stored = array_column( array_filter( $sessions->find( $id )->messages, static fn( $m ) => 'user' === $m['role'] ), 'content' );
		$this->assertSame( array( 'Make the first paragraph clearer.', 'And shorter.' ), array_values( $stored ) );
	}

	public function test_a_course_gets_its_sections_and_lesson_count(): void {
		$course   = (int) self::demo()['course_id'];
		$response = $this->ajax( 'mpcc_editor_ai_chat', array( 'post_id' => $course, 'post_type' => 'mpcs-course', 'message' => 'Suggest a better description.', 'context' => array( 'title' => 'Photography Basics', 'content' => '' ) ), 'editor' );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertSame( array( array( 'title' => 'Understanding Exposure', 'lesson_count' => 2 ), array( 'title' => 'Composition', 'lesson_count' => 1 ) ), $response->data()['context']['sections'] );
		$this->assertSame( 3, $response->data()['context']['lesson_count'] );
		$this->assertSame( 3, $this->proxy_requests[0]['body']['post']['lesson_count'] );
	}

	public function test_suggestions_are_validated_one_by_one_and_cleaned(): void {
		$this->fake_proxy(
			static fn() => array(
				200,
				array(
					'message'     => 'Ideas',
					'suggestions' => array(
						array( 'id' => 'a', 'label' => 'Add', 'type' => 'insert_blocks', 'position' => 'end', 'content' => '<!-- wp:paragraph --><p onclick="x()">Ok</p><!-- /wp:paragraph --><script>bad()</script>' ),
						array( 'id' => 'b', 'label' => 'Broken', 'type' => 'delete_everything' ),
						array( 'id' => 'c', 'label' => 'Title', 'type' => 'set_title', 'title' => '<b>Better</b> title' ),
					),
					'demo'        => false,
				),
			)
		);
		$response = $this->ajax( 'mpcc_editor_ai_chat', $this->lesson_fields() );
		$this->assertSame( 200, $response->status, $response->body );
		$suggestions = $response->data()['suggestions'];
		$this->assertSame( array( 'a', 'c' ), array_column( $suggestions, 'id' ) );
		$this->assertSame( '<!-- wp:paragraph --><p>Ok</p><!-- /wp:paragraph -->', $suggestions[0]['content'] );
		$this->assertSame( 'Better title', $suggestions[1]['title'] );
	}

	public function test_streaming_relays_suggestions(): void {
		$response = $this->ajax( 'mpcc_editor_ai_chat', array_merge( $this->lesson_fields(), array( 'stream' => '1' ) ) );
		$this->assertSame( 200, $response->status, $response->body );
		$names = $response->event_names();
		$this->assertSame( 'done', end( $names ), $response->body );
		$events = $response->events();
		$this->assertArrayHasKey( 'suggestions', end( $events )['data'] );
	}

	/** The canned answer as the proxy streams it. @return array{0: int, 1: string, 2: array<string, string>} */
	private static function streamed( string $route, array $body ): array {
		return array( 200, self::sse( array( array( 'delta', array( 'text' => 'Writing' ) ), array( 'done', self::canned_reply( $route, $body )[1] ) ) ), array( 'Content-Type' => 'text/event-stream' ) );
	}

	public function test_the_posts_first_conversation_is_stored_and_named_before_the_model_answers(): void {
		$fields = $this->lesson_fields( 'Write learning objectives' );
		$seen   = null;
		$this->fake_proxy(
			static function ( string $route, array $body ) use ( &$seen, $fields ) {
				$seen = ( new SessionRepository( get_current_user_id() ) )->list( 1, 10, '', $fields['post_id'] );
				return self::streamed( $route, $body );
			}
		);
		$response = $this->ajax( 'mpcc_editor_ai_chat', array_merge( $fields, array( 'stream' => '1' ) ) );
		$this->assertSame( 200, $response->status, $response->body );
		$events = $response->events();
		$this->assertSame( 'session', $events[0]['event'], 'the first byte names the session' );
		$this->assertSame( 1, $seen['total'] ?? null, 'the session exists while the model is still answering' );
		$id = $events[0]['data']['session_id'];
		$this->assertSame( 'Write learning objectives', json_decode( self::session_row( $id )['messages'], true )[0]['content'] );

		$this->assertSame( $id, end( $events )['data']['session_id'] );
		$messages = json_decode( self::session_row( $id )['messages'], true );
		$this->assertSame( array( 'user', 'assistant' ), array_column( $messages, 'role' ), 'the question is stored once' );
		$this->assertSame( array( 'Write learning objectives' ), array_column( array_slice( $messages, 0, 1 ), 'content' ) );
	}

	public function test_stop_during_a_reply_stores_nothing_of_that_turn(): void {
		$fields = $this->lesson_fields();
		$id     = $this->ajax( 'mpcc_editor_ai_chat', $fields )->data()['session_id'];
		$this->fake_proxy(
			static function ( string $route, array $body ) use ( $id ) {
				// The author presses Stop while the model writes: the browser saves what it shows.
				$sessions = new SessionRepository( get_current_user_id() );
				$session  = $sessions->find( $id );
				$session->add_message( History::user_message( 'And shorter.' ) );
				$sessions->save( $session );
				return self::streamed( $route, $body );
			}
		);
		$this->ajax( 'mpcc_editor_ai_chat', array_merge( $fields, array( 'session_id' => $id, 'message' => 'And shorter.', 'stream' => '1' ) ) );
		$messages = json_decode( self::session_row( $id )['messages'], true );
		$this->assertSame( array( 'user', 'assistant', 'user' ), array_column( $messages, 'role' ), 'no answer stored for the stopped turn' );
	}

	public function test_the_conversation_is_titled_as_the_post_is_being_edited_never_auto_draft(): void {
		$draft = wp_insert_post( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'auto-draft', 'post_title' => 'Auto Draft' ) );
		$ask   = fn( string $title ) => $this->ajax( 'mpcc_editor_ai_chat', array( 'post_id' => $draft, 'post_type' => 'mpcs-lesson', 'message' => 'Hi', 'context' => array( 'title' => $title, 'content' => '' ) ) )->data()['session_id'];
		$this->assertSame( 'Untitled lesson', self::session_row( $ask( '' ) )['title'] );
		( new SessionRepository( get_current_user_id() ) )->delete( $this->ajax( 'mpcc_list_sessions', array( 'post_id' => $draft ) )->data()['sessions'][0]['session_id'] );
		$this->assertSame( 'Lenses 101', self::session_row( $ask( 'Lenses 101' ) )['title'] );
	}

	public function test_a_never_saved_lesson_opened_by_its_address_has_no_placeholder_title(): void {
		$lesson = wp_insert_post( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'auto-draft', 'post_title' => __( 'Auto Draft' ) ) ); // phpcs:ignore WordPress.WP.I18n.MissingArgDomain
		$post   = wp_insert_post( array( 'post_type' => 'post', 'post_status' => 'auto-draft', 'post_title' => __( 'Auto Draft' ) ) ); // phpcs:ignore WordPress.WP.I18n.MissingArgDomain
		$named  = wp_insert_post( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'draft', 'post_title' => 'Knife grips' ) );
		// How post.php reads the post it edits, for both editors.
		$this->assertSame( '', get_post( $lesson, OBJECT, 'edit' )->post_title );
		$this->assertSame( 'Auto Draft', get_post( $post, OBJECT, 'edit' )->post_title, 'other post types are WordPress\' business' );
		$this->assertSame( 'Knife grips', get_post( $named, OBJECT, 'edit' )->post_title );
		// The block editor's way: post.php passes the post it will edit through replace_editor first.
		$for_blocks = get_post( $lesson );
		$this->assertFalse( apply_filters( 'replace_editor', false, $for_blocks ), 'the editor choice is left alone' );
		$this->assertSame( '', $for_blocks->post_title );
	}

	public function test_wrong_post_type_and_missing_posts(): void {
		$fields = $this->lesson_fields();
		$this->assertSame( 404, $this->ajax( 'mpcc_editor_ai_chat', array_merge( $fields, array( 'post_type' => 'mpcs-course' ) ) )->status );
		$this->assertSame( 400, $this->ajax( 'mpcc_editor_ai_chat', array_merge( $fields, array( 'post_type' => 'page' ) ) )->status );
		$this->assertSame( 400, $this->ajax( 'mpcc_editor_ai_chat', array_merge( $fields, array( 'context' => '[1,2' ) ) )->status );
		$this->assertSame( 403, $this->ajax( 'mpcc_editor_ai_chat', array_merge( $fields, array( 'post_id' => 99999999 ) ) )->status );
		$this->assertSame( array(), $this->proxy_requests );
	}
}
