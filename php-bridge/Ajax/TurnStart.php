<?php
/**
 * The start of a conversation turn, as the course chat (ChatMessage) and the sidebar's assistant
 * (EditorAiChat) both begin one: a new conversation asked with streaming is stored with its question
 * before the model is asked and named in the stream's first event (`session`), so the page knows it
 * from the first byte, Stop can end the turn, and a reload or a failed reply still shows the
 * question. Then a question stored unanswered (above, or by the browser's save on Stop or after a
 * failed reply) is taken off, to be asked again rather than added twice.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Sessions\History;
use CoursesCopilot\Sessions\Session;
use CoursesCopilot\Sessions\SessionRepository;

final class TurnStart {

	/**
	 * @param array{0: string, 1: array<string, mixed>}|null $opening the `session` event, for a new conversation
	 */
	private function __construct(
		public readonly Session $session,
		public readonly ?array $opening,
		private readonly SessionRepository $sessions
	) {}

	public static function for_message( SessionRepository $sessions, Session $session, string $message, bool $stream ): self {
		$opening = null;
		if ( $stream && 0 === $session->revision ) {
			$session->add_message( History::user_message( $message ) );
			$session = SessionSaver::store( $sessions, $session );
			$opening = array( 'session', array( 'session_id' => $session->session_id, 'title' => $session->title, 'revision' => $session->revision ) );
		}
		History::take_unanswered( $session, $message );
		return new self( $session, $opening, $sessions );
	}

	/**
	 * Whether the turn is still wanted: a streamed turn goes on if the page goes away (a reload shows
	 * it) and ends when the session moves on. Stop saves the session, so nothing of a stopped turn is
	 * stored.
	 *
	 * @return \Closure(): bool
	 */
	public function unchanged(): \Closure {
		$sessions = $this->sessions;
		$session  = $this->session;
		return static fn(): bool => $sessions->revision_of( $session->session_id ) === $session->revision;
	}
}
