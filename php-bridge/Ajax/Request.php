<?php
/**
 * Reads the POSTed fields of an ajax request: unslashed, sanitized, typed. JSON-valued fields arrive
 * as JSON strings and decode to objects (stdClass), so the validator can tell `{}` from `[]`.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

final class Request {

	public static function has( string $key ): bool {
		// phpcs:ignore WordPress.Security.NonceVerification -- Guard::nonce runs first in every handler.
		return isset( $_POST[ $key ] ) && '' !== self::raw( $key );
	}

	/** The field as sent (unslashed, not sanitized): for lengths and for JSON. */
	public static function raw( string $key ): string {
		// phpcs:ignore WordPress.Security.NonceVerification, WordPress.Security.ValidatedSanitizedInput
		$value = $_POST[ $key ] ?? '';
		return is_string( $value ) ? (string) wp_unslash( $value ) : '';
	}

	/** A one-line field (ids, titles, search terms). */
	public static function text( string $key, int $max_length = 255 ): string {
		$value = sanitize_text_field( self::raw( $key ) );
		if ( mb_strlen( $value ) > $max_length ) {
			throw DomainError::invalid_parameter( self::too_long_message( $key ) );
		}
		return $value;
	}

	/** A user's chat message: newlines kept, tags and invalid UTF-8 removed; empty or too long refused. */
	public static function message( string $key = 'message', int $max_length = 8000 ): string {
		$raw = self::raw( $key );
		if ( mb_strlen( $raw ) > $max_length ) {
			throw DomainError::payload_too_large(
				/* translators: %d: the longest message allowed, in characters */
				sprintf( __( 'Messages can be at most %d characters long.', 'courses-copilot' ), $max_length )
			);
		}
		$value = trim( sanitize_textarea_field( $raw ) );
		if ( '' === $value ) {
			throw DomainError::invalid_parameter( __( 'Write a message first.', 'courses-copilot' ) );
		}
		return $value;
	}

	/** Optional longer text (instructions); null when absent. */
	public static function optional_textarea( string $key, int $max_length ): ?string {
		if ( ! self::has( $key ) ) {
			return null;
		}
		$raw = self::raw( $key );
		if ( mb_strlen( $raw ) > $max_length ) {
			throw DomainError::payload_too_large();
		}
		return sanitize_textarea_field( $raw );
	}

	public static function int( string $key, int $default_value = 0 ): int {
		$raw = trim( self::raw( $key ) );
		if ( '' === $raw ) {
			return $default_value;
		}
		if ( ! preg_match( '/^-?\d{1,18}$/', $raw ) ) {
			throw DomainError::invalid_parameter( self::invalid_message( $key ) );
		}
		return (int) $raw;
	}

	public static function flag( string $key ): bool {
		return in_array( strtolower( self::raw( $key ) ), array( '1', 'true', 'yes' ), true );
	}

	/** A session id the action cannot do without: 400 when absent. */
	public static function required_session_id(): string {
		$session_id = self::session_id();
		if ( '' === $session_id ) {
			throw DomainError::invalid_parameter();
		}
		return $session_id;
	}

	/**
	 * A session id: ours are UUIDs, but any short token of letters, digits, - and _ is accepted.
	 * Empty string when absent.
	 */
	public static function session_id( string $key = 'session_id' ): string {
		$raw = trim( self::raw( $key ) );
		if ( '' === $raw ) {
			return '';
		}
		if ( ! preg_match( '/^[A-Za-z0-9_-]{1,64}$/', $raw ) ) {
			throw DomainError::invalid_parameter( self::invalid_message( $key ) );
		}
		return $raw;
	}

	/** An id from a course structure (section or lesson): required, short, plain. */
	public static function structure_id( string $key ): string {
		$raw = trim( self::raw( $key ) );
		if ( '' === $raw || strlen( $raw ) > 64 || sanitize_text_field( $raw ) !== $raw ) {
			throw DomainError::invalid_parameter( self::invalid_message( $key ) );
		}
		return $raw;
	}

	/**
	 * A JSON-valued field decoded to stdClass/array/scalars; null when absent. Broken JSON and
	 * anything over $max_bytes are refused before decoding.
	 */
	public static function json( string $key, int $max_bytes ): mixed {
		if ( ! self::has( $key ) ) {
			return null;
		}
		$raw = self::raw( $key );
		if ( strlen( $raw ) > $max_bytes ) {
			// Named, so the browser can say which part was too big.
			throw new DomainError( 'mpcc_payload_too_large', self::too_long_message( $key ), array( 'errors' => array( "{$key}: expected at most {$max_bytes} bytes" ) ) );
		}
		try {
			return json_decode( $raw, false, 64, JSON_THROW_ON_ERROR );
		} catch ( \JsonException $e ) {
			throw DomainError::invalid_parameter( self::invalid_message( $key ) );
		}
	}

	private static function invalid_message( string $key ): string {
		/* translators: %s: the name of a request field */
		return sprintf( __( 'The field "%s" is not valid.', 'courses-copilot' ), $key );
	}

	private static function too_long_message( string $key ): string {
		/* translators: %s: the name of a request field */
		return sprintf( __( 'The field "%s" is too long.', 'courses-copilot' ), $key );
	}
}
