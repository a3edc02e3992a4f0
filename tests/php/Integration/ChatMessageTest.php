<?php
/**
 * mpcc_chat_message against the real demo proxy (started by the test runner), streamed and not,
 * and the proxy's failures mapped to our codes (faked with pre_http_request).
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Tests\Support\TestCase;

final class ChatMessageTest extends TestCase {

	public function test_a_first_message_creates_the_session_and_stores_the_turn(): void {
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'I want to teach a beginner course on sourdough bread baking at home.' ) );
		$this->assertSame( 200, $response->status, $response->body );
		$data = $response->data();
		$this->assertNotSame( '', $data['message'] );
		$this->assertIsBool( $data['demo'] );
		$this->assertSame( 1, $data['revision'] );
		$this->assertContains( $data['conversation_state'], array( 'initial', 'course_structure', 'content_generation', 'ready_to_create' ) );

		$request = $this->proxy_requests[0];
		$this->assertStringEndsWith( '/v1/tasks/course-turn', $request['url'] );
		$this->assertSame( 'Bearer ' . MPCC_PROXY_TOKEN, $request['headers']['Authorization'] );
		$this->assertSame( (string) self::user_id( 'admin' ), $request['headers']['X-MPCC-User'] );
		$this->assertSame( '127.0.0.1', $request['headers']['X-MPCC-Site'] );
		$this->assertNotEmpty( $request['headers']['X-Request-Id'] );
		$this->assertSame( array( 'message', 'history', 'conversation_state', 'course_structure' ), array_keys( $request['body'] ) );
		$this->assertSame( array(), $request['body']['history'] );

		$session = $this->ajax( 'mpcc_load_session', array( 'session_id' => $data['session_id'] ) )->data()['session'];
		$this->assertStringStartsWith( 'I want to teach a beginner course', $session['title'] );
		$this->assertSame( array( 'user', 'assistant' ), array_column( $session['messages'], 'role' ) );
		$this->assertSame( $data['message'], $session['messages'][1]['content'] );
		$this->assertSame( $data['course_structure'] ?? null, $session['course_structure'] );

		// The second turn goes to the same session, with the first as history.
		$next = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Add a section about starters.', 'session_id' => $data['session_id'] ) );
		$this->assertSame( 200, $next->status, $next->body );
		$this->assertSame( 2, $next->data()['revision'] );
		$this->assertCount( 2, $this->proxy_requests[1]['body']['history'] );
	}

	public function test_a_session_bound_to_a_post_is_refused_and_left_as_it_was(): void {
		$course  = (int) self::demo()['course_id'];
		$sidebar = $this->make_session( 'admin', array( 'title' => 'Auto Draft', 'metadata' => wp_json_encode( array( 'post_id' => $course ) ) ) );
		$before  = self::session_row( $sidebar );
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Add a section about lenses.', 'session_id' => $sidebar ) );
		$this->assertSame( 409, $response->status, $response->body );
		$this->assertSame( 'mpcc_session_bound_to_post', $response->code() );
		$this->assertStringContainsString( 'belongs to a post', $response->data()['message'] );
		$this->assertSame( $before, self::session_row( $sidebar ) );
		$this->assertSame( array(), $this->proxy_requests, 'nothing reached the proxy' );
		// Streaming is refused before the stream starts, with the same answer.
		$streamed = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Add a section about lenses.', 'session_id' => $sidebar, 'stream' => '1' ) );
		$this->assertSame( 409, $streamed->status );
		$this->assertSame( 'mpcc_session_bound_to_post', $streamed->code() );
	}

	public function test_a_real_reply_drops_a_cached_demo_label_so_the_next_page_asks_again(): void {
		set_transient( 'mpcc_provider_info', array( 'name' => 'demo', 'model' => 'demo', 'demo' => true, 'reachable' => true ), 300 );
		$this->fake_proxy( static fn() => array( 200, array( 'message' => 'Real words.', 'course_structure' => null, 'conversation_state' => 'initial', 'demo' => false ) ) );
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'A course on knots.' ) );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertFalse( $response->data()['demo'], 'the browser is told at once' );
		$this->assertFalse( get_transient( 'mpcc_provider_info' ), 'the stale "demo" answer is gone' );

		// A reply that agrees keeps what is cached.
		set_transient( 'mpcc_provider_info', array( 'name' => 'openai', 'model' => 'x', 'demo' => false, 'reachable' => true ), 300 );
		$this->ajax( 'mpcc_chat_message', array( 'message' => 'A course on sails.' ) );
		$this->assertSame( 'openai', get_transient( 'mpcc_provider_info' )['name'] );
		delete_transient( 'mpcc_provider_info' );
	}

	public function test_streaming_relays_events_then_done_with_the_stored_session(): void {
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'A course about watercolour painting for adults.', 'stream' => '1' ) );
		$this->assertSame( 200, $response->status, $response->body );
		$names = $response->event_names();
		$this->assertContains( 'delta', $names, $response->body );
		$this->assertSame( 'done', end( $names ) );
		$events = $response->events();
		$done   = end( $events )['data'];
		$this->assertSame( array( 'message', 'session_id', 'conversation_state', 'revision', 'demo' ), array_values( array_diff( array_keys( $done ), array( 'course_structure' ) ) ) );
		$this->assertTrue( $this->proxy_requests[0]['body']['stream'] );
		$text = implode( '', array_map( static fn( $e ) => $e['data']['text'], array_filter( $response->events(), static fn( $e ) => 'delta' === $e['event'] ) ) );
		$this->assertNotSame( '', $text );
		$row = self::session_row( $done['session_id'] );
		$this->assertNotNull( $row );
		// Stored with its question before the model answered (revision 1), then with the answer.
		$this->assertSame( 'session', $names[0] );
		$this->assertSame( 2, (int) $row['revision'] );
		$this->assertSame( 2, $done['revision'] );
	}

	/** @return array<string, array{0: int, 1: array<string, string>, 2: int, 3: string}> */
	public static function proxy_failures(): array {
		return array(
			'429 with Retry-After' => array( 429, array( 'Retry-After' => '7' ), 429, 'mpcc_rate_limited' ),
			'400'                  => array( 400, array(), 400, 'mpcc_invalid_parameter' ),
			'401 (wrong token)'    => array( 401, array(), 503, 'mpcc_ai_service_error' ),
			'413'                  => array( 413, array(), 413, 'mpcc_payload_too_large' ),
			'500'                  => array( 500, array(), 503, 'mpcc_ai_service_error' ),
			'502'                  => array( 502, array(), 503, 'mpcc_ai_service_error' ),
			'503'                  => array( 503, array(), 503, 'mpcc_ai_service_error' ),
			'504'                  => array( 504, array(), 503, 'mpcc_ai_service_error' ),
		);
	}

	/**
	 * @dataProvider proxy_failures
	 * @param array<string, string> $headers
	 */
	public function test_proxy_failures_map_to_our_codes_and_store_nothing( int $proxy_status, array $headers, int $status, string $code ): void {
		$this->fake_proxy( static fn() => array( $proxy_status, array( 'error' => array( 'type' => 'x', 'code' => 'y', 'message' => 'upstream said no' ) ), $headers ) );
		$id  = $this->make_session( 'admin' );
		$row = self::session_row( $id );
		foreach ( array( '0', '1' ) as $stream ) {
			$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Hello', 'session_id' => $id, 'stream' => $stream ) );
			$this->assertSame( $status, $response->status, $response->body );
			$this->assertSame( $code, $response->code() );
			$this->assertStringNotContainsString( 'upstream said no', $response->body );
			if ( 429 === $status ) {
				$this->assertSame( 7, $response->data()['retry_after'] );
			}
		}
		$this->assertSame( $row, self::session_row( $id ) );
	}

	public function test_an_unreachable_proxy_is_a_503(): void {
		$this->fake_proxy( static fn() => new \WP_Error( 'http_request_failed', 'cURL error 7: Failed to connect' ) );
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Hello' ) );
		$this->assertSame( 503, $response->status );
		$this->assertSame( 'mpcc_ai_service_error', $response->code() );
		$this->assertSame( 0, self::count_rows( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->prefix}mpcc_conversations WHERE title = 'Hello'" ) );
	}

	public function test_an_error_in_the_middle_of_a_stream_becomes_an_error_event(): void {
		$this->fake_proxy(
			static fn() => array(
				200,
				self::sse( array( array( 'delta', array( 'text' => 'Working' ) ), array( 'error', array( 'error' => array( 'type' => 'rate_limit_error', 'code' => 'rate_limited', 'message' => 'slow down' ) ) ) ) ),
				array( 'Content-Type' => 'text/event-stream' ),
			)
		);
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Hello', 'stream' => '1' ) );
		$this->assertSame( array( 'session', 'delta', 'error' ), $response->event_names() );
		$this->assertSame( 'mpcc_rate_limited', $response->events()[2]['data']['code'] );
		$this->assertArrayHasKey( 'retry_after', $response->events()[2]['data'] );
		// The question is kept in its new session, for Retry.
		$messages = json_decode( self::session_row( $response->events()[0]['data']['session_id'] )['messages'], true );
		$this->assertSame( array( 'Hello' ), array_column( $messages, 'content' ) );
	}

	public function test_model_output_that_fails_validation_is_a_503_and_nothing_is_stored(): void {
		$this->fake_proxy( static fn() => array( 200, array( 'message' => 'Hi', 'course_structure' => array( 'title' => '', 'description' => '', 'sections' => array() ), 'conversation_state' => 'course_structure', 'demo' => false ) ) );
		$count    = self::count_rows( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->prefix}mpcc_conversations" );
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Hello' ) );
		$this->assertSame( 503, $response->status );
		$this->assertSame( $count, self::count_rows( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->prefix}mpcc_conversations" ) );
	}

	/** Issue 18 item 9: a model that approves an outline with nothing to create does not move it to "ready_to_create". */
	public function test_ready_to_create_needs_an_outline_that_can_be_created(): void {
		$empty = array( 'title' => 'Bees', 'description' => '', 'sections' => array( array( 'id' => 's1', 'title' => 'Start', 'lessons' => array() ) ) );
		$this->fake_proxy( static fn() => array( 200, array( 'message' => 'Press Create course.', 'course_structure' => $empty, 'conversation_state' => 'ready_to_create', 'demo' => false ) ) );
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Looks good' ) );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertSame( 'course_structure', $response->data()['conversation_state'] );

		$ready = self::structure( 1, 1 );
		$this->fake_proxy( static fn() => array( 200, array( 'message' => 'Press Create course.', 'course_structure' => $ready, 'conversation_state' => 'ready_to_create', 'demo' => false ) ) );
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Looks good', 'session_id' => $response->data()['session_id'] ) );
		$this->assertSame( 'ready_to_create', $response->data()['conversation_state'] );
	}

	public function test_script_payloads_in_model_output_are_stored_and_returned_inert(): void {
		$structure                                       = self::structure( 1, 1 );
		$structure['title']                              = '<img src=x onerror=alert(1)>Bread';
		$structure['sections'][0]['title']               = '<script>alert(1)</script>Basics';
		$structure['sections'][0]['lessons'][0]['content'] = '<p onclick="x()">Knead</p><script>steal()</script>';
		$this->fake_proxy( static fn() => array( 200, array( 'message' => 'Done <script>alert(document.cookie)</script><img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>', 'course_structure' => $structure, 'conversation_state' => 'course_structure', 'demo' => false ) ) );
		$response = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Hello' ) );
		$this->assertSame( 200, $response->status, $response->body );
		$row = self::session_row( $response->data()['session_id'] );
		foreach ( array( $response->body, (string) wp_json_encode( $row ) ) as $text ) {
			foreach ( array( '<script', 'onerror', 'onclick', 'javascript:' ) as $bad ) {
				$this->assertStringNotContainsString( $bad, $text );
			}
		}
		$this->assertSame( 'Bread', $response->data()['course_structure']['title'] );
		$this->assertSame( 'Basics', $response->data()['course_structure']['sections'][0]['title'] );
	}

	public function test_message_limits(): void {
		$this->fake_proxy( array( self::class, 'canned_reply' ) );
		$this->assertSame( 200, $this->ajax( 'mpcc_chat_message', array( 'message' => str_repeat( 'é', 8000 ) ) )->status );
		$long = $this->ajax( 'mpcc_chat_message', array( 'message' => str_repeat( 'é', 8001 ) ) );
		$this->assertSame( 413, $long->status );
		$this->assertSame( 'mpcc_payload_too_large', $long->code() );
		$this->assertSame( 400, $this->ajax( 'mpcc_chat_message', array( 'message' => "  \n " ) )->status );
		$this->assertSame( 404, $this->ajax( 'mpcc_chat_message', array( 'message' => 'Hi', 'session_id' => wp_generate_uuid4() ) )->status );
		$this->assertCount( 1, $this->proxy_requests );
	}

	public function test_the_daily_quota_per_role_is_enforced(): void {
		$this->fake_proxy( array( self::class, 'canned_reply' ) );
		update_option( 'mpcc_settings', array( 'quotas' => array( 'editor' => 2 ) ) );
		\CoursesCopilot\Settings\Quota::reset( self::user_id( 'editor' ) );
		$this->assertSame( 200, $this->ajax( 'mpcc_chat_message', array( 'message' => 'One' ), 'editor' )->status );
		$this->assertSame( 200, $this->ajax( 'mpcc_chat_message', array( 'message' => 'Two' ), 'editor' )->status );
		$third = $this->ajax( 'mpcc_chat_message', array( 'message' => 'Three' ), 'editor' );
		$this->assertSame( 429, $third->status );
		$this->assertSame( 'mpcc_rate_limited', $third->code() );
		$this->assertGreaterThan( 0, $third->data()['retry_after'] );
		$this->assertCount( 2, $this->proxy_requests );
		$this->assertSame( 200, $this->ajax( 'mpcc_chat_message', array( 'message' => 'Admins have no quota' ) )->status );
		\CoursesCopilot\Settings\Quota::reset( self::user_id( 'editor' ) );
	}
}
