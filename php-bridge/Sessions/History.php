<?php
/**
 * What the proxy gets of a conversation: the last messages as {role, content}, newest kept, so a
 * long session does not grow every request without bound.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Sessions;

defined( 'ABSPATH' ) || exit;

final class History {

	public const MAX_MESSAGES = 40;

	/** @return array<int, array{role: string, content: string}> */
	public static function for_proxy( ?Session $session ): array {
		if ( null === $session ) {
			return array();
		}
		$history = array();
		foreach ( array_slice( $session->messages, -self::MAX_MESSAGES ) as $message ) {
			$role = $message['role'] ?? '';
			if ( in_array( $role, array( 'user', 'assistant' ), true ) && is_string( $message['content'] ?? null ) ) {
				$history[] = array( 'role' => $role, 'content' => mb_substr( $message['content'], 0, 100000 ) );
			}
		}
		return $history;
	}

	/**
	 * The question left unanswered at the end of the session (stored by the browser's save on Stop or
	 * after a failed reply) is the one being asked again: taken off, so the turn adds it once.
	 */
	public static function take_unanswered( Session $session, string $message ): void {
		$last = end( $session->messages );
		if ( is_array( $last ) && 'user' === ( $last['role'] ?? null ) && $message === ( $last['content'] ?? null ) ) {
			array_pop( $session->messages );
		}
	}

	/** @return array<string, mixed> */
	public static function user_message( string $content ): array {
		return array( 'role' => 'user', 'content' => $content, 'created_at' => gmdate( 'c' ) );
	}

	/** @return array<string, mixed> */
	public static function assistant_message( string $content, bool $demo, array $extra = array() ): array {
		return array_merge( array( 'role' => 'assistant', 'content' => $content, 'created_at' => gmdate( 'c' ), 'demo' => $demo ), $extra );
	}

	/** A session's title from its first message: its first words, short enough for a list. */
	public static function title_from( string $message ): string {
		$title = wp_trim_words( $message, 8, '…' );
		return mb_strlen( $title ) > 80 ? mb_substr( $title, 0, 79 ) . '…' : $title;
	}
}
