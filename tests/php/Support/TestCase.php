<?php
/**
 * A small stand-in for WP_UnitTestCase: act as a user, call an ajax action the way admin-ajax.php
 * does (POST fields, wp_ajax_* / wp_ajax_nopriv_* hook), capture the reply and its status, fake the
 * proxy where a test needs to, and remove every row and post a test created.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Support;

use CoursesCopilot\Ajax\ActionRegistry;
use CoursesCopilot\Courses\SectionsTable;
use CoursesCopilot\Proxy\ProxySettings;
use CoursesCopilot\Sessions\SessionTables;

abstract class TestCase extends \PHPUnit\Framework\TestCase {

	/** The nonce action an action checks, from the plugin's own table. */
	public static function nonce_action( string $action ): string {
		return ActionRegistry::ACTIONS[ $action ]['nonce'];
	}

	/** @var array<string, int> highest ids before the test, per table */
	private array $high_water = array();
	/** @var array<int, array{0: string, 1: callable, 2: int}> */
	private array $hooks = array();
	/** @var array<int, array{url: string, body: array<string, mixed>, headers: array<string, string>}> */
	protected array $proxy_requests = array();
	private mixed $settings_before = null;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		foreach ( $this->tables() as $name => $column ) {
			$this->high_water[ $name ] = (int) $wpdb->get_var( "SELECT MAX({$column}) FROM {$name}" ); // phpcs:ignore WordPress.DB.PreparedSQL
		}
		$this->settings_before = get_option( ProxySettings::OPTION, null );
		$this->proxy_requests  = array();
		// Record what is sent to the proxy (real or faked) without changing it: first on pre_http_request.
		$this->hook(
			'pre_http_request',
			function ( $pre, $args, $url ) {
				if ( str_starts_with( (string) $url, ProxySettings::url() ) ) {
					$this->proxy_requests[] = array( 'url' => (string) $url, 'body' => (array) json_decode( (string) ( $args['body'] ?? '' ), true ), 'headers' => (array) ( $args['headers'] ?? array() ) );
				}
				return $pre;
			},
			1,
			3
		);
		$this->hook( 'mpcc_sse_end_output_buffers', '__return_false' );
	}

	protected function tearDown(): void {
		global $wpdb;
		foreach ( array_reverse( $this->hooks ) as list( $hook, $callback, $priority ) ) {
			remove_filter( $hook, $callback, $priority );
		}
		$this->hooks = array();
		foreach ( $this->tables() as $name => $column ) {
			$high = $this->high_water[ $name ] ?? 0;
			if ( $wpdb->posts === $name ) {
				foreach ( $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE ID > %d", $high ) ) as $post_id ) { // phpcs:ignore WordPress.DB.PreparedSQL
					wp_delete_post( (int) $post_id, true );
				}
			} else {
				$wpdb->query( $wpdb->prepare( "DELETE FROM {$name} WHERE {$column} > %d", $high ) ); // phpcs:ignore WordPress.DB.PreparedSQL
			}
		}
		if ( null === $this->settings_before ) {
			delete_option( ProxySettings::OPTION );
		} else {
			update_option( ProxySettings::OPTION, $this->settings_before );
		}
		$_POST    = array();
		$_REQUEST = array();
		wp_set_current_user( 0 );
		wp_cache_flush();
		parent::tearDown();
	}

	/** @return array<string, string> table => id column */
	private function tables(): array {
		global $wpdb;
		return array(
			$wpdb->posts                     => 'ID',
			$wpdb->postmeta                  => 'meta_id',
			SectionsTable::name()            => 'id',
			SessionTables::conversations()   => 'id',
			SessionTables::lesson_drafts()   => 'id',
		);
	}

	/**
	 * Runs $work with PHP's error_log going to a file of its own.
	 *
	 * @template T
	 * @param callable(): T $work
	 * @return array{0: T, 1: string} what $work returned, and what it logged
	 */
	protected static function logged( callable $work ): array {
		$log  = (string) tempnam( sys_get_temp_dir(), 'mpcc-log' );
		$prev = ini_set( 'error_log', $log );
		try {
			$result = $work();
		} finally {
			ini_set( 'error_log', (string) $prev );
		}
		$said = (string) file_get_contents( $log );
		unlink( $log );
		return array( $result, $said );
	}

	/** A filter or action for this test only. */
	protected function hook( string $hook, callable $callback, int $priority = 10, int $args = 1 ): void {
		add_filter( $hook, $callback, $priority, $args );
		$this->hooks[] = array( $hook, $callback, $priority );
	}

	protected static function user_id( string $login ): int {
		$user = get_user_by( 'login', $login );
		if ( ! $user ) {
			if ( 'contributor' !== $login ) {
				throw new \RuntimeException( "no user {$login}" );
			}
			return (int) wp_insert_user( array( 'user_login' => 'contributor', 'user_pass' => wp_generate_password(), 'user_email' => 'contributor@example.test', 'role' => 'contributor' ) );
		}
		return (int) $user->ID;
	}

	protected function act_as( ?string $login ): int {
		$id = null === $login ? 0 : self::user_id( $login );
		wp_set_current_user( $id );
		return $id;
	}

	/**
	 * Calls an action as admin-ajax.php would.
	 *
	 * @param array<string, mixed> $fields POST fields (arrays and objects are sent as JSON strings)
	 * @param string|null          $login  null: logged out
	 * @param bool|string          $nonce  true: the right nonce; false: none; a string: that nonce
	 */
	protected function ajax( string $action, array $fields = array(), ?string $login = 'admin', bool|string $nonce = true ): AjaxResponse {
		$this->act_as( $login );
		$post = array( 'action' => $action );
		if ( true === $nonce ) {
			$post['nonce'] = wp_create_nonce( self::nonce_action( $action ) );
		} elseif ( is_string( $nonce ) ) {
			$post['nonce'] = $nonce;
		}
		foreach ( $fields as $key => $value ) {
			$post[ $key ] = is_array( $value ) || is_object( $value ) ? wp_json_encode( $value ) : (string) $value;
		}
		// admin-ajax.php sees slashed input (wp_magic_quotes).
		$_POST    = wp_slash( $post );
		$_REQUEST = $_POST;
		$status   = 200;
		$capture  = static function ( $header, $code ) use ( &$status ) {
			$status = (int) $code;
			return $header;
		};
		$die      = static fn() => static function (): void {
			throw new AjaxDied();
		};
		add_filter( 'status_header', $capture, 10, 2 );
		add_filter( 'wp_die_ajax_handler', $die );
		add_filter( 'wp_doing_ajax', '__return_true' );
		$level = ob_get_level();
		ob_start();
		try {
			do_action( is_user_logged_in() ? "wp_ajax_{$action}" : "wp_ajax_nopriv_{$action}" );
			$this->fail( "{$action} returned without replying" );
		} catch ( AjaxDied $died ) {
			// The handler replied and "exited".
		} finally {
			$body = '';
			while ( ob_get_level() > $level ) {
				$body = ob_get_clean() . $body;
			}
			remove_filter( 'status_header', $capture, 10 );
			remove_filter( 'wp_die_ajax_handler', $die );
			remove_filter( 'wp_doing_ajax', '__return_true' );
		}
		return new AjaxResponse( $status, $body );
	}

	/**
	 * Answers the proxy's task routes from a callback instead of the network.
	 *
	 * @param callable(string $route, array<string, mixed> $body): array{0: int, 1: string|array<string, mixed>, 2?: array<string, string>} $responder status, body, headers
	 */
	protected function fake_proxy( callable $responder ): void {
		$this->hook(
			'pre_http_request',
			static function ( $pre, $args, $url ) use ( $responder ) {
				$base = ProxySettings::url();
				if ( ! str_starts_with( (string) $url, $base ) ) {
					return $pre;
				}
				$reply = $responder( substr( (string) $url, strlen( $base ) ), (array) json_decode( (string) $args['body'], true ) );
				if ( $reply instanceof \WP_Error ) {
					return $reply;
				}
				$body = is_string( $reply[1] ) ? $reply[1] : (string) wp_json_encode( $reply[1] );
				return array(
					'headers'  => new \WpOrg\Requests\Utility\CaseInsensitiveDictionary( $reply[2] ?? array() ),
					'body'     => $body,
					'response' => array( 'code' => $reply[0], 'message' => get_status_header_desc( $reply[0] ) ),
					'cookies'  => array(),
					'filename' => null,
				);
			},
			10,
			3
		);
	}

	/** Valid task answers, as the demo provider would give them. @return array{0: int, 1: array<string, mixed>} */
	protected static function canned_reply( string $route, array $body ): array {
		switch ( $route ) {
			case '/v1/tasks/course-turn':
				return array( 200, array( 'message' => 'Here is an outline.', 'course_structure' => self::structure(), 'conversation_state' => 'course_structure', 'demo' => true ) );
			case '/v1/tasks/lesson-content':
				return array( 200, array( 'content' => "<!-- wp:paragraph -->\n<p>Lesson {$body['lesson_id']}.</p>\n<!-- /wp:paragraph -->", 'demo' => true ) );
			case '/v1/tasks/editor-assist':
				return array( 200, array( 'message' => 'One idea.', 'suggestions' => array( array( 'id' => 'a', 'label' => 'Add a summary', 'type' => 'insert_blocks', 'position' => 'end', 'content' => "<!-- wp:paragraph -->\n<p>Summary.</p>\n<!-- /wp:paragraph -->" ) ), 'demo' => true ) );
			case '/v1/tasks/quiz':
				$question = array( 'type' => 'multiple_choice', 'question' => 'What does a wide aperture do?', 'options' => array( 'Blurs the background', 'Freezes motion' ), 'correct_answer' => 'Blurs the background', 'explanation' => 'Shallow depth of field.', 'difficulty' => 'medium', 'points' => 1 );
				return array( 200, array( 'questions' => array( $question ), 'total' => 1, 'type' => 'multiple_choice', 'quality_score' => 80, 'demo' => true ) );
		}
		return array( 404, array( 'error' => array( 'type' => 'not_found', 'code' => 'not_found', 'message' => 'no route' ) ) );
	}

	/** An SSE body as the proxy streams it. @param array<int, array{0: string, 1: mixed}> $events */
	protected static function sse( array $events ): string {
		$out = '';
		foreach ( $events as list( $name, $data ) ) {
			$out .= "event: {$name}\ndata: " . wp_json_encode( $data ) . "\n\n";
		}
		return $out;
	}

	protected static function demo(): array {
		$seeded = get_option( 'mpcc_demo_content_seeded' );
		return is_array( $seeded ) ? $seeded : array();
	}

	/** A small valid course structure. @return array<string, mixed> */
	protected static function structure( int $sections = 2, int $lessons = 2 ): array {
		$out = array( 'title' => 'Bread Baking', 'description' => "Flour, water, salt.\n\nAnd time.", 'sections' => array() );
		for ( $s = 1; $s <= $sections; $s++ ) {
			$section = array( 'id' => "s{$s}", 'title' => "Section {$s}", 'description' => "About section {$s}.", 'lessons' => array() );
			for ( $l = 1; $l <= $lessons; $l++ ) {
				$section['lessons'][] = array( 'id' => "s{$s}l{$l}", 'title' => "Lesson {$s}.{$l}", 'summary' => "What lesson {$s}.{$l} covers." );
			}
			$out['sections'][] = $section;
		}
		return $out;
	}

	/** Stores a session straight in the table (for another user too), returns its id. @param array<string, mixed> $fields */
	protected function make_session( string $login, array $fields = array() ): string {
		global $wpdb;
		$id  = wp_generate_uuid4();
		$now = gmdate( 'Y-m-d H:i:s' );
		$wpdb->insert(
			SessionTables::conversations(),
			array(
				'session_id'    => $id,
				'user_id'       => self::user_id( $login ),
				'title'         => $fields['title'] ?? 'A session',
				'messages'      => $fields['messages'] ?? wp_json_encode( array( array( 'role' => 'user', 'content' => 'Hello' ) ) ),
				'context'       => $fields['context'] ?? wp_json_encode( array( 'course_structure' => $fields['course_structure'] ?? self::structure(), 'ui' => new \stdClass() ) ),
				'current_state' => $fields['current_state'] ?? 'course_structure',
				'metadata'      => $fields['metadata'] ?? '{}',
				'revision'      => $fields['revision'] ?? 1,
				'created_at'    => $fields['created_at'] ?? $now,
				'updated_at'    => $fields['updated_at'] ?? $now,
			)
		);
		return $id;
	}

	/** @return array<string, mixed>|null the raw row */
	protected static function session_row( string $session_id ): ?array {
		global $wpdb;
		$table = SessionTables::conversations();
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE session_id = %s", $session_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
		return is_array( $row ) ? $row : null;
	}

	protected static function count_rows( string $sql ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL
	}
}
