<?php
/**
 * The daily cron (Installer::CLEANUP_HOOK): sessions nobody touched for 30 days go, with their
 * lesson drafts, and so do drafts whose session is already gone. Courses created from a session
 * are the user's content and are never touched. The schedule is put back on any load where it is
 * missing, and each run that removes something says what in the PHP error log (and the
 * `mpcc_daily_cleanup_removed` action).
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
		// Not only on activation: a missing schedule would mean sessions are never cleaned up.
		add_action( 'init', array( Installer::class, 'ensure_cleanup_scheduled' ) );
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
		if ( $removed['sessions'] > 0 || $removed['drafts'] > 0 ) {
			// phpcs:ignore WordPress.PHP.DevelopmentFunctions -- an operator's record of what went.
			error_log( sprintf( 'Courses Copilot: daily cleanup removed %d session(s) idle for %d days and %d lesson draft(s).', $removed['sessions'], self::IDLE_DAYS, $removed['drafts'] ) );
		}
		do_action( 'mpcc_daily_cleanup_removed', $removed );
		return $removed;
	}
}
