<?php
/**
 * The checks every handler makes before doing anything: a valid nonce for its action, then
 * (after reading input) the capability. Failing either answers 403 with its own code.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

final class Guard {

	public static function nonce( string $nonce_action ): void {
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- compared, never stored or printed.
		$nonce = isset( $_POST['nonce'] ) && is_string( $_POST['nonce'] ) ? sanitize_text_field( wp_unslash( $_POST['nonce'] ) ) : '';
		if ( '' === $nonce || false === wp_verify_nonce( $nonce, $nonce_action ) ) {
			throw DomainError::invalid_nonce();
		}
	}

	public static function can( string $capability, mixed ...$args ): void {
		if ( ! current_user_can( $capability, ...$args ) ) {
			throw DomainError::forbidden();
		}
	}

	/** `create_posts` of a post type, as that type maps it (courses may have their own caps). */
	public static function can_create( string $post_type ): void {
		$type = get_post_type_object( $post_type );
		if ( ! $type || ! current_user_can( $type->cap->create_posts ) ) {
			throw DomainError::forbidden();
		}
	}
}
