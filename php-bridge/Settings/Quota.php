<?php
/**
 * The daily request quota per role (Settings → Courses Copilot). Every call to the proxy counts one
 * for the user; over the quota answers mpcc_rate_limited until midnight UTC. A user with several
 * roles gets the most generous of them; 0 (the default) means no limit.
 *
 * The count is one row per user in the options table, "Y-m-d|count", taken by compare-and-swap:
 * read the row, then UPDATE it only if it still holds what was read. Of parallel requests only one
 * wins each step, so eight at once against a quota of 2 get exactly 2 through, on SQLite and MySQL
 * alike, and a refused request is not counted.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Settings;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

final class Quota {

	public const OPTION_PREFIX = 'mpcc_quota_';
	/** Where counts lived before they were atomic (user meta); cleared by reset(). */
	private const LEGACY_META = 'mpcc_daily_requests';
	/** Rounds lost to parallel requests before giving up; each round some request wins. */
	private const MAX_ROUNDS = 100;

	public static function limit_for( int $user_id ): int {
		$user = get_userdata( $user_id );
		if ( ! $user ) {
			return 0;
		}
		$limits = array_map( array( SettingsStore::class, 'quota' ), (array) $user->roles );
		if ( array() === $limits || in_array( 0, $limits, true ) ) {
			return 0;
		}
		return max( $limits );
	}

	/** Counts one request, or refuses it. */
	public static function consume( int $user_id ): void {
		$limit = self::limit_for( $user_id );
		if ( 0 === $limit ) {
			return;
		}
		if ( ! self::take( $user_id, $limit ) ) {
			throw DomainError::rate_limited( strtotime( 'tomorrow midnight UTC' ) - time() );
		}
	}

	/** Requests the user made today. */
	public static function used_today( int $user_id ): int {
		return self::count_in( self::read( $user_id ), gmdate( 'Y-m-d' ) );
	}

	public static function reset( int $user_id ): void {
		global $wpdb;
		$wpdb->delete( $wpdb->options, array( 'option_name' => self::option( $user_id ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		delete_user_meta( $user_id, self::LEGACY_META );
	}

	private static function take( int $user_id, int $limit ): bool {
		global $wpdb;
		$name  = self::option( $user_id );
		$today = gmdate( 'Y-m-d' );
		// option_name is the table's unique key: of parallel inserts one makes the row, the rest are ignored.
		$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'no')", $name, "{$today}|0" ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		for ( $round = 0; $round < self::MAX_ROUNDS; $round++ ) {
			$current = self::read( $user_id );
			$count   = self::count_in( $current, $today );
			if ( $count >= $limit ) {
				return false;
			}
			$swapped = $wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
				$wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", $today . '|' . ( $count + 1 ), $name, $current )
			);
			if ( 1 === (int) $swapped ) {
				return true;
			}
			usleep( random_int( 1000, 10000 ) ); // Another request changed the row first: read it again.
		}
		return false;
	}

	private static function read( int $user_id ): string {
		global $wpdb;
		return (string) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", self::option( $user_id ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	/** The count a stored "Y-m-d|count" holds for today (another day's count is 0). */
	private static function count_in( string $stored, string $today ): int {
		return str_starts_with( $stored, $today . '|' ) ? max( 0, (int) substr( $stored, strlen( $today ) + 1 ) ) : 0;
	}

	private static function option( int $user_id ): string {
		return self::OPTION_PREFIX . $user_id;
	}
}
