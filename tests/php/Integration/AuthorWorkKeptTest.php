<?php
/**
 * Issue 18, items 1, 2, 4, 5, 7 on the server: a lesson draft has one home (the session's outline),
 * the server-made title survives saves that never knew it, an undone outline is not stored as
 * nothing, Stop stores nothing (the browser's save on Stop moves the revision the turn was built
 * on), Retry replaces the unanswered question, and a new conversation exists from the first byte.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Sessions\SessionRepository;
use CoursesCopilot\Tests\Support\TestCase;

final class AuthorWorkKeptTest extends TestCase {

	/** What the browser sends as session_data for a session it loaded (optionally changed). @param array<string, mixed> $changes */
	private function saved_as( array $session, array $changes = array() ): array {
		return array_merge(
			array(
				'title'              => $session['title'],
				'messages'           => $session['messages'],
				'course_structure'   => $session['course_structure'],
				'conversation_state' => $session['conversation_state'],
			),
			$changes
		);
	}

	private function load( string $id ): array {
		return $this->ajax( 'mpcc_load_session', array( 'session_id' => $id ) )->data()['session'];
	}

	private function auto_save( string $id, array $data, int $revision ): array {
		$response = $this->ajax( 'mpcc_auto_save_session', array( 'session_id' => $id, 'session_data' => wp_json_encode( $data ), 'revision' => $revision ) );
		$this->assertSame( 200, $response->status, $response->body );
		return $response->data();
	}

	/** The canned answer as the proxy streams it. @return array{0: int, 1: string, 2: array<string, string>} */
	private static function streamed( string $route, array $body ): array {
		return array( 200, self::sse( array( array( 'delta', array( 'text' => 'Writing' ) ), array( 'done', self::canned_reply( $route, $body )[1] ) ) ), array( 'Content-Type' => 'text/event-stream' ) );
	}

	/** An auto-save landing while a request runs (as mpcc_auto_save_session stores it). @param array<string, mixed>|null $message added to the messages */
	private static function browser_saves( string $id, ?array $message = null ): void {
		$sessions = new SessionRepository( self::user_id( 'admin' ) );
		$session  = $sessions->find( $id );
		if ( null !== $message ) {
			$session->add_message( $message );
		}
		$sessions->save( $session );
	}

	/** @return array<int, string> lesson post contents of the created course, in order */
	private static function lesson_contents( int $course_id ): array {
		global $wpdb;
		$section_ids = $wpdb->get_col( $wpdb->prepare( 'SELECT id FROM ' . \CoursesCopilot\Courses\SectionsTable::name() . ' WHERE course_id = %d ORDER BY section_order', $course_id ) );
		$out         = array();
		foreach ( $section_ids as $section_id ) {
			$lessons = get_posts( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'draft', 'numberposts' => -1, 'meta_key' => '_mpcs_lesson_section_id', 'meta_value' => $section_id, 'orderby' => 'ID', 'order' => 'ASC' ) );
			foreach ( $lessons as $lesson ) {
				$out[] = $lesson->post_content;
			}
		}
		return $out;
	}

	public function test_a_hand_edit_of_a_drafted_lesson_is_what_the_course_gets(): void {
		$this->fake_proxy( array( self::class, 'canned_reply' ) );
		$id        = $this->make_session( 'admin' );
		$generated = $this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's1', 'lesson_id' => 's1l1' ) )->data()['content'];

		// The editor shows the draft; the author changes a sentence and adds a line; auto-save stores it.
		$session = $this->load( $id );
		$this->assertSame( $generated, $session['course_structure']['sections'][0]['lessons'][0]['content'] ?? $session['lesson_drafts']['s1l1'] );
		$edited                                                   = "<!-- wp:paragraph -->\n<p>My own words.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>A line I added.</p>\n<!-- /wp:paragraph -->";
		$structure                                                = $session['course_structure'];
		$structure['sections'][0]['lessons'][0]['content']        = $edited;
		$this->auto_save( $id, $this->saved_as( $session, array( 'course_structure' => $structure ) ), $session['revision'] );

		// A reload shows the edit, and so does the course.
		$reloaded = $this->load( $id );
		$this->assertSame( $edited, $reloaded['course_structure']['sections'][0]['lessons'][0]['content'] );
		$this->assertSame( $edited, $reloaded['lesson_drafts']['s1l1'] );
		$course = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => $reloaded['course_structure'] ) );
		$this->assertSame( 200, $course->status, $course->body );
		$this->assertSame( $edited, self::lesson_contents( $course->data()['course_id'] )[0] );
	}

	public function test_undoing_a_draft_or_deleting_its_lesson_reaches_the_course(): void {
		$this->fake_proxy( array( self::class, 'canned_reply' ) );
		$id = $this->make_session( 'admin' );
		$this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's1', 'lesson_id' => 's1l1' ) );
		$this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's1', 'lesson_id' => 's1l2' ) );

		// Undo took lesson 1.1's draft back; lesson 1.2 was deleted, then added again under the same title.
		$session   = $this->load( $id );
		$structure = $session['course_structure'];
		unset( $structure['sections'][0]['lessons'][0]['content'] );
		$structure['sections'][0]['lessons'][1] = array( 'id' => 'l-new', 'title' => 'Lesson 1.2', 'summary' => 'Again.' );
		$this->auto_save( $id, $this->saved_as( $session, array( 'course_structure' => $structure ) ), $session['revision'] );

		$course = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => $structure ) );
		$this->assertSame( 200, $course->status, $course->body );
		$contents = self::lesson_contents( $course->data()['course_id'] );
		$this->assertSame( "<!-- wp:paragraph -->\n<p>What lesson 1.1 covers.</p>\n<!-- /wp:paragraph -->", $contents[0] );
		$this->assertSame( "<!-- wp:paragraph -->\n<p>Again.</p>\n<!-- /wp:paragraph -->", $contents[1] );
	}

	public function test_a_chat_turn_keeps_the_drafts_of_lessons_the_model_kept(): void {
		$this->fake_proxy( array( self::class, 'canned_reply' ) );
		$id    = $this->make_session( 'admin' );
		$draft = $this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's2', 'lesson_id' => 's2l1' ) )->data()['content'];
		$this->assertSame( 200, $this->ajax( 'mpcc_chat_message', array( 'message' => 'Looks fine.', 'session_id' => $id ) )->status );
		$this->assertSame( $draft, $this->load( $id )['course_structure']['sections'][1]['lessons'][0]['content'] );
	}

	public function test_the_title_the_server_made_survives_an_auto_save_that_never_knew_it(): void {
		$this->fake_proxy( array( self::class, 'canned_reply' ) );
		$first = $this->ajax( 'mpcc_chat_message', array( 'message' => 'An introduction to beekeeping for city gardeners' ) )->data();
		$id    = $first['session_id'];
		$this->auto_save( $id, array( 'title' => '', 'messages' => $this->load( $id )['messages'], 'course_structure' => $first['course_structure'], 'conversation_state' => $first['conversation_state'] ), $first['revision'] );

		$listed = $this->ajax( 'mpcc_list_sessions', array( 'search' => 'beekeeping' ) )->data()['sessions'];
		$this->assertCount( 1, $listed );
		$this->assertStringStartsWith( 'An introduction to beekeeping', $listed[0]['title'] );
	}

	public function test_an_auto_save_without_an_outline_keeps_the_stored_one(): void {
		$id      = $this->make_session( 'admin' );
		$session = $this->load( $id );
		$data    = $this->saved_as( $session );
		unset( $data['course_structure'] );
		$this->auto_save( $id, $data, $session['revision'] );
		$this->assertSame( self::structure(), $this->load( $id )['course_structure'] );
	}

	public function test_a_new_conversation_is_stored_and_named_before_the_model_answers(): void {
		$seen = null;
		$this->fake_proxy(
			function ( string $route, array $body ) use ( &$seen ) {
				global $wpdb;
				$seen = $wpdb->get_row( "SELECT session_id, title, messages FROM {$wpdb->prefix}mpcc_conversations WHERE title LIKE 'Knitting socks%'", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
				return self::streamed( $route, $body );
			}
		);
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Knitting socks for absolute beginners', 'stream' => '1' ) );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertNotNull( $seen, 'the session exists while the model is still answering' );
		$this->assertSame( 'Knitting socks for absolute beginners', json_decode( $seen['messages'], true )[0]['content'] );
		$events = $response->events();
		$this->assertSame( 'session', $events[0]['event'], 'the first byte names the session' );
		$this->assertSame( $seen['session_id'], $events[0]['data']['session_id'] );
		$this->assertSame( $seen['title'], $events[0]['data']['title'] );

		$done     = end( $events )['data'];
		$messages = $this->load( $done['session_id'] )['messages'];
		$this->assertSame( array( 'user', 'assistant' ), array_column( $messages, 'role' ), 'the question is stored once' );
		$this->assertSame( $done['revision'], (int) self::session_row( $done['session_id'] )['revision'] );
	}

	public function test_stop_during_a_reply_stores_nothing_of_that_turn(): void {
		$id = $this->make_session( 'admin' );
		$this->fake_proxy(
			static function ( string $route, array $body ) use ( $id ) {
				// The author presses Stop while the model writes: the browser saves what it shows.
				self::browser_saves( $id, array( 'role' => 'user', 'content' => 'Add a quiz.' ) );
				return self::streamed( $route, $body );
			}
		);
		$this->ajax( 'mpcc_chat_message', array( 'message' => 'Add a quiz.', 'session_id' => $id, 'stream' => '1' ) );
		$messages = $this->load( $id )['messages'];
		$this->assertSame( array( 'user', 'user' ), array_column( $messages, 'role' ), 'no answer stored for the stopped turn' );
	}

	public function test_stop_while_a_lesson_is_drafted_stores_no_draft(): void {
		$id = $this->make_session( 'admin' );
		$this->fake_proxy(
			static function ( string $route, array $body ) use ( $id ) {
				self::browser_saves( $id );
				return self::streamed( $route, $body );
			}
		);
		$this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $id, 'section_id' => 's1', 'lesson_id' => 's1l1', 'stream' => '1' ) );
		$reloaded = $this->load( $id );
		$this->assertArrayNotHasKey( 'content', $reloaded['course_structure']['sections'][0]['lessons'][0] );
		$this->assertSame( array(), (array) $reloaded['lesson_drafts'] );
	}

	public function test_retry_after_a_stop_replaces_the_question_instead_of_adding_it_again(): void {
		$this->fake_proxy( array( self::class, 'canned_reply' ) );
		// Stop left the question stored unanswered (the browser's save on Stop).
		$id = $this->make_session( 'admin', array( 'messages' => wp_json_encode( array( array( 'role' => 'user', 'content' => 'Hello' ), array( 'role' => 'assistant', 'content' => 'Hi' ), array( 'role' => 'user', 'content' => 'Add a quiz.' ) ) ) ) );
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Add a quiz.', 'session_id' => $id ) );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertCount( 1, $this->proxy_requests, 'one model call' );
		$this->assertSame( array( 'Hello', 'Hi' ), array_column( $this->proxy_requests[0]['body']['history'], 'content' ) );
		$this->assertSame( array( 'Hello', 'Hi', 'Add a quiz.', 'Here is an outline.' ), array_column( $this->load( $id )['messages'], 'content' ) );
	}
}
