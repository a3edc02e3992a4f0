<?php
/**
 * Lesson drafts in `{prefix}mpcc_lesson_drafts`, one per (session, section, lesson). Callers have
 * already checked that the session is the current user's; drafts have no owner of their own.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Sessions;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Ajax\AjaxError;

final class LessonDraftRepository {

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
			throw AjaxError::database_error();
		}
	}

	/** @return array<string, string> lesson_id => content */
	public function for_session( string $session_id ): array {
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
