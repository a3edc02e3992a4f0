<?php
/**
 * Activation, upgrade, deactivation and uninstall: tables by dbDelta, the daily cleanup schedule.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Install;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Courses\SectionsTable;
use CoursesCopilot\Proxy\ProviderInfo;
use CoursesCopilot\Sessions\SessionTables;
use CoursesCopilot\Settings\Quota;

final class Installer {

	public const DB_VERSION        = '1';
	public const DB_VERSION_OPTION = 'mpcc_db_version';
	public const CLEANUP_HOOK      = 'mpcc_daily_cleanup';

	public static function register(): void {
		// A plugin updated by copying files never runs its activation hook: upgrade on the next load.
		add_action( 'plugins_loaded', array( self::class, 'maybe_upgrade' ) );
	}

	public static function activate(): void {
		self::create_tables();
		self::ensure_cleanup_scheduled();
	}

	/**
	 * Schedules the daily cleanup when it is not: activation is not the only way in (a plugin
	 * copied into place, a cron option reset by a migration or another plugin), so every load checks.
	 * Returns whether it had to schedule it.
	 */
	public static function ensure_cleanup_scheduled(): bool {
		if ( wp_next_scheduled( self::CLEANUP_HOOK ) ) {
			return false;
		}
		return true === wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', self::CLEANUP_HOOK, array(), true );
	}

	public static function deactivate(): void {
		wp_clear_scheduled_hook( self::CLEANUP_HOOK );
	}

	public static function maybe_upgrade(): void {
		if ( get_option( self::DB_VERSION_OPTION ) !== self::DB_VERSION ) {
			self::create_tables();
		}
	}

	public static function create_tables(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$charset = $wpdb->get_charset_collate();
		dbDelta( SessionTables::schema( $wpdb->prefix, $charset ) );
		// MemberPress Courses owns its sections table when it is active; never reshape theirs.
		if ( ! SectionsTable::exists() ) {
			dbDelta( SectionsTable::schema( $wpdb->prefix, $charset ) );
		}
		update_option( self::DB_VERSION_OPTION, self::DB_VERSION, false );
	}

	public static function uninstall(): void {
		global $wpdb;
		foreach ( SessionTables::names( $wpdb->prefix ) as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS `{$table}`" ); // phpcs:ignore WordPress.DB.PreparedSQL -- table names are ours.
		}
		delete_option( self::DB_VERSION_OPTION );
		delete_option( 'mpcc_settings' );
		// Settings\Quota's old per-user daily counters (before the per-user option rows).
		delete_metadata( 'user', 0, 'mpcc_daily_requests', '', true );
		// Cached answers: the proxy's provider, and Test connection results not shown yet (one per user).
		delete_transient( ProviderInfo::TRANSIENT );
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s", $wpdb->esc_like( '_transient_mpcc_' ) . '%', $wpdb->esc_like( '_transient_timeout_mpcc_' ) . '%' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall, nothing to cache.
		// Daily quota counts, one row per user (Settings\Quota).
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( Quota::OPTION_PREFIX ) . '%' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		wp_clear_scheduled_hook( self::CLEANUP_HOOK );
	}
}
