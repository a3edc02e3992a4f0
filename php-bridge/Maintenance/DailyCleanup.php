<?php
/**
 * The daily cron (Installer::CLEANUP_HOOK): sessions nobody touched for 30 days go, with their
 * lesson drafts, and so do drafts whose session is already gone. Courses created from a session
 * are the user's content and are never touched.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Maintenance;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Install\Installer;
use CoursesCopilot\Sessions\LessonDraftRepository;
use CoursesCopilot\Sessions\SessionTables;

final class DailyCleanup {

	public const IDLE_DAYS = 30;
	private const BATCH    = 500;

	public static function register(): void {
		add_action( Installer::CLEANUP_HOOK, array( self::class, 'run' ) );
	}

	/** @return array{sessions: int, drafts: int} what was removed */
	public static function run(): array {
		global $wpdb;
		$table   = SessionTables::conversations();
		$drafts  = SessionTables::lesson_drafts();
		$cutoff  = gmdate( 'Y-m-d H:i:s', time() - self::IDLE_DAYS * DAY_IN_SECONDS );
		$removed = array( 'sessions' => 0, 'drafts' => 0 );
		// In batches, so a site with years of sessions does not hold one long lock.
		do {
			$ids = $wpdb->get_col( $wpdb->prepare( "SELECT session_id FROM {$table} WHERE updated_at < %s ORDER BY id LIMIT %d", $cutoff, self::BATCH ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			if ( ! $ids ) {
				break;
			}
			$in                  = implode( ', ', array_fill( 0, count( $ids ), '%s' ) );
			$removed['drafts']   += (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$drafts} WHERE session_id IN ({$in})", $ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL
			$removed['sessions'] += (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE session_id IN ({$in})", $ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL
		} while ( count( $ids ) === self::BATCH );
		$removed['drafts'] += ( new LessonDraftRepository() )->delete_orphans();
		return $removed;
	}
}
