<?php
/**
 * The daily request quota per role (Settings → Courses Copilot). Every call to the proxy counts one
 * for the user; over the quota answers mpcc_rate_limited until midnight UTC. A user with several
 * roles gets the most generous of them; 0 (the default) means no limit.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Settings;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Ajax\AjaxError;

final class Quota {

	private const META = 'mpcc_daily_requests';

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
		$today = gmdate( 'Y-m-d' );
		$used  = get_user_meta( $user_id, self::META, true );
		$count = is_array( $used ) && ( $used['day'] ?? '' ) === $today ? (int) ( $used['count'] ?? 0 ) : 0;
		if ( $count >= $limit ) {
			throw AjaxError::rate_limited( strtotime( 'tomorrow midnight UTC' ) - time() );
		}
		update_user_meta( $user_id, self::META, array( 'day' => $today, 'count' => $count + 1 ) );
	}

	public static function reset( int $user_id ): void {
		delete_user_meta( $user_id, self::META );
	}
}
