<?php
/**
 * Lesson drafts. Their one home is the session's outline (`content` of each lesson): generating,
 * editing, undoing and deleting a lesson all change that outline, and course creation reads it.
 * `{prefix}mpcc_lesson_drafts` (one row per session, section, lesson) is where drafts were kept
 * before: its rows are only read, for lessons whose outline entry carries no content, and removed
 * with their session. Callers have already checked that the session is the current user's.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Sessions;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

final class LessonDraftRepository {

	/**
	 * Writes a lesson's draft into the session's outline at the revision the session was read at. False
	 * when the session moved on meanwhile (Stop, or the browser saved): then nothing is stored, and the
	 * browser, which got the draft, stores it with its next save if it still shows it.
	 */
	public function save( SessionRepository $sessions, Session $session, string $lesson_id, string $content ): bool {
		$found = false;
		foreach ( $session->course_structure['sections'] ?? array() as $s => $section ) {
			foreach ( $section['lessons'] ?? array() as $l => $lesson ) {
				if ( ( $lesson['id'] ?? null ) === $lesson_id ) {
					$session->course_structure['sections'][ $s ]['lessons'][ $l ]['content'] = $content;
					$found = true;
				}
			}
		}
		return $found && $sessions->save_outline_at_revision( $session );
	}

	/**
	 * A new outline from the model keeps the drafts of the lessons it kept (the model sends no content).
	 *
	 * @param array<string, mixed>|null $previous
	 * @param array<string, mixed>      $next
	 * @return array<string, mixed>
	 */
	public static function carry_over( ?array $previous, array $next ): array {
		$drafts = self::contents( $previous );
		foreach ( $next['sections'] ?? array() as $s => $section ) {
			foreach ( $section['lessons'] ?? array() as $l => $lesson ) {
				$id = (string) ( $lesson['id'] ?? '' );
				if ( '' === (string) ( $lesson['content'] ?? '' ) && isset( $drafts[ $id ] ) ) {
					$next['sections'][ $s ]['lessons'][ $l ]['content'] = $drafts[ $id ];
				}
			}
		}
		return $next;
	}

	/** @param array<string, mixed>|null $structure @return array<string, string> lesson id => content */
	private static function contents( ?array $structure ): array {
		$out = array();
		foreach ( $structure['sections'] ?? array() as $section ) {
			foreach ( $section['lessons'] ?? array() as $lesson ) {
				if ( is_string( $lesson['content'] ?? null ) && '' !== $lesson['content'] && isset( $lesson['id'] ) ) {
					$out[ (string) $lesson['id'] ] = $lesson['content'];
				}
			}
		}
		return $out;
	}

	/** The old table: kept only so drafts stored before the outline held them can still be read (and tests can make such rows). */
	public function upsert( string $session_id, string $section_id, string $lesson_id, string $content, int $order_index = 0 ): void {
		global $wpdb;
		$table = SessionTables::lesson_drafts();
		$now   = gmdate( 'Y-m-d H:i:s' );
		// Select-then-write works the same on MySQL and the SQLite drop-in; the unique key stops a racing duplicate.
		$id = $wpdb->get_var(
			$wpdb->prepare( "SELECT id FROM {$table} WHERE session_id = %s AND section_id = %s AND lesson_id = %s", $session_id, $section_id, $lesson_id ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		);
		if ( null !== $id ) {
			$ok = $wpdb->update( $table, array( 'content' => $content, 'order_index' => $order_index, 'updated_at' => $now ), array( 'id' => (int) $id ), array( '%s', '%d', '%s' ), array( '%d' ) );
		} else {
			$ok = $wpdb->insert(
				$table,
				array( 'session_id' => $session_id, 'section_id' => $section_id, 'lesson_id' => $lesson_id, 'content' => $content, 'order_index' => $order_index, 'created_at' => $now, 'updated_at' => $now ),
				array( '%s', '%s', '%s', '%s', '%d', '%s', '%s' )
			);
		}
		if ( false === $ok ) {
			throw DomainError::database_error();
		}
	}

	/**
	 * Every draft of the session: those in its outline, and old-table rows for lessons without one.
	 *
	 * @return array<string, string> lesson_id => content
	 */
	public function for_session( string $session_id ): array {
		global $wpdb;
		$conversations = SessionTables::conversations();
		$context       = $wpdb->get_var( $wpdb->prepare( "SELECT context FROM {$conversations} WHERE session_id = %s", $session_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		// A broken row is logged where sessions are read (JsonColumn); here it just has no drafts.
		$structure = is_string( $context ) ? ( json_decode( $context, true )['course_structure'] ?? null ) : null;
		return self::contents( is_array( $structure ) ? $structure : null ) + $this->old_rows( $session_id );
	}

	/** Every draft of a session already read. @return array<string, string> lesson_id => content */
	public function drafts( Session $session ): array {
		return self::contents( $session->course_structure ) + $this->old_rows( $session->session_id );
	}

	/** @return array<string, string> lesson_id => content */
	private function old_rows( string $session_id ): array {
		global $wpdb;
		$table = SessionTables::lesson_drafts();
		$rows  = $wpdb->get_results(
			$wpdb->prepare( "SELECT lesson_id, content FROM {$table} WHERE session_id = %s ORDER BY order_index, id", $session_id ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			ARRAY_A
		);
		$drafts = array();
		foreach ( (array) $rows as $row ) {
			$drafts[ (string) $row['lesson_id'] ] = (string) $row['content'];
		}
		return $drafts;
	}

	public function delete_for_session( string $session_id ): int {
		global $wpdb;
		return (int) $wpdb->delete( SessionTables::lesson_drafts(), array( 'session_id' => $session_id ), array( '%s' ) );
	}

	/** Drafts whose session is gone (deleted elsewhere, or a crash between the two deletes). */
	public function delete_orphans(): int {
		global $wpdb;
		$drafts        = SessionTables::lesson_drafts();
		$conversations = SessionTables::conversations();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names are ours, no input.
		return (int) $wpdb->query( "DELETE FROM {$drafts} WHERE session_id NOT IN (SELECT session_id FROM {$conversations})" );
	}
}
