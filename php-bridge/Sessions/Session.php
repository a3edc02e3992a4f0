<?php
/**
 * One conversation as the bridge works with it. Columns map as: messages → `messages`,
 * course structure and panel UI state → `context`, state → `current_state`, and what the server
 * alone decides (post binding, created course) → `metadata`.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Sessions;

defined( 'ABSPATH' ) || exit;

final class Session {

	/**
	 * @param array<int, array<string, mixed>>  $messages
	 * @param array<string, mixed>|null         $course_structure
	 * @param array<string, mixed>              $ui
	 * @param array<string, mixed>              $metadata post_id, created_course_id, sections_created, lessons_created
	 */
	public function __construct(
		public string $session_id,
		public int $user_id,
		public string $title = '',
		public array $messages = array(),
		public ?array $course_structure = null,
		public string $state = 'initial',
		public array $ui = array(),
		public array $metadata = array(),
		public int $revision = 0,
		public string $created_at = '',
		public string $updated_at = ''
	) {}

	public function post_id(): ?int {
		return isset( $this->metadata['post_id'] ) ? (int) $this->metadata['post_id'] : null;
	}

	public function created_course_id(): ?int {
		return isset( $this->metadata['created_course_id'] ) ? (int) $this->metadata['created_course_id'] : null;
	}

	/** @param array<string, mixed> $message */
	public function add_message( array $message ): void {
		$this->messages[] = $message;
	}

	/** @return array<string, mixed> The `session` of mpcc_load_session (drafts added by the handler). */
	public function to_array(): array {
		$out = array(
			'session_id'         => $this->session_id,
			'title'              => $this->title,
			'messages'           => $this->messages,
			'course_structure'   => $this->course_structure,
			'conversation_state' => $this->state,
			'revision'           => $this->revision,
			'updated_at'         => self::iso( $this->updated_at ),
			'ui'                 => (object) $this->ui,
		);
		if ( null !== $this->post_id() ) {
			$out['post_id'] = $this->post_id();
		}
		if ( null !== $this->created_course_id() ) {
			$out['created_course_id'] = $this->created_course_id();
		}
		return $out;
	}

	/** @return array<string, mixed> One row of mpcc_list_sessions. */
	public function summary(): array {
		$out = array(
			'session_id'         => $this->session_id,
			'title'              => $this->title,
			'updated_at'         => self::iso( $this->updated_at ),
			'conversation_state' => $this->state,
		);
		if ( null !== $this->post_id() ) {
			$out['post_id'] = $this->post_id();
		}
		return $out;
	}

	/** Stored times are UTC 'Y-m-d H:i:s'; the browser gets ISO 8601. */
	public static function iso( string $mysql_utc ): string {
		return '' === $mysql_utc ? '' : str_replace( ' ', 'T', $mysql_utc ) . 'Z';
	}
}
