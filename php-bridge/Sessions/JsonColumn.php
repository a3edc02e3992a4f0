<?php
/**
 * JSON in and out of our text columns. A row whose JSON is broken (hand-edited, truncated by a
 * full disk) is logged and read as empty: one bad row must never make the whole panel fail.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Sessions;

defined( 'ABSPATH' ) || exit;

final class JsonColumn {

	public static function encode( mixed $value ): string {
		$json = wp_json_encode( $value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
		return false === $json ? 'null' : $json;
	}

	/** @return array<mixed> */
	public static function decode( ?string $raw, string $column, string $session_id ): array {
		if ( null === $raw || '' === $raw ) {
			return array();
		}
		$value = json_decode( $raw, true );
		if ( JSON_ERROR_NONE !== json_last_error() || ! ( is_array( $value ) || null === $value ) ) {
			// phpcs:ignore WordPress.PHP.DevelopmentFunctions -- an operator needs to know, the user does not.
			error_log( sprintf( 'Courses Copilot: broken JSON in %s of session %s (%s); read as empty.', $column, $session_id, json_last_error_msg() ) );
			do_action( 'mpcc_broken_session_json', $column, $session_id );
			return array();
		}
		return is_array( $value ) ? $value : array();
	}
}
