<?php
/**
 * The proxy's OpenAI-shaped failures turned into our codes (docs/contracts.md "Error codes"):
 * 429 → mpcc_rate_limited with retry_after, 400 → mpcc_invalid_parameter, 413 → mpcc_payload_too_large,
 * the model's refusal (422 model_refused) → mpcc_ai_refused with its words, an answer cut at the output limit
 * (502 output_truncated) → mpcc_ai_output_truncated, everything else (5xx, 401 from a wrong token,
 * unreachable, timeout) → mpcc_ai_service_error 503.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Proxy;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

final class ProxyErrors {

	public const DEFAULT_RETRY_AFTER = 30;

	public static function from_wp_error( \WP_Error $error, string $route ): DomainError {
		self::log( "{$route}: " . $error->get_error_code() . ' ' . $error->get_error_message() );
		return DomainError::ai_service_error();
	}

	public static function from_status( int $status, string $body, string $retry_after, string $route ): DomainError {
		$detail = self::detail( $body );
		$typed  = self::typed( self::code( $body ), $detail );
		if ( null !== $typed ) {
			return $typed;
		}
		switch ( $status ) {
			case 429:
				return DomainError::rate_limited( self::seconds( $retry_after ) );
			case 400:
				self::log( "{$route}: 400 {$detail}" );
				return DomainError::invalid_parameter();
			case 413:
				return DomainError::payload_too_large();
			default:
				// 401/403 mean our token is wrong: the site's operator must fix it, not the user.
				self::log( "{$route}: {$status} {$detail}" );
				return DomainError::ai_service_error();
		}
	}

	/** An `error` event inside a stream: no status there, so the error's type and code decide. */
	public static function from_stream_event( mixed $data, string $route ): DomainError {
		$error = is_object( $data ) && isset( $data->error ) && is_object( $data->error ) ? $data->error : new \stdClass();
		$type  = is_string( $error->type ?? null ) ? $error->type : '';
		$code  = is_string( $error->code ?? null ) ? $error->code : '';
		$typed = self::typed( $code, is_string( $error->message ?? null ) ? mb_substr( sanitize_text_field( $error->message ), 0, 1000 ) : '' );
		if ( null !== $typed ) {
			return $typed;
		}
		if ( str_contains( $type . ' ' . $code, 'rate_limit' ) ) {
			return DomainError::rate_limited( self::DEFAULT_RETRY_AFTER );
		}
		self::log( "{$route}: stream error {$type} {$code}" );
		return DomainError::ai_service_error();
	}

	/** The proxy's codes that have their own answer for the author. */
	private static function typed( string $code, string $message ): ?DomainError {
		if ( 'model_refused' === $code ) {
			return DomainError::ai_refused( $message );
		}
		if ( 'output_truncated' === $code ) {
			return DomainError::ai_output_truncated();
		}
		return null;
	}

	private static function code( string $body ): string {
		$decoded = json_decode( $body, true );
		return is_array( $decoded ) && isset( $decoded['error']['code'] ) && is_string( $decoded['error']['code'] ) ? $decoded['error']['code'] : '';
	}

	/** Retry-After is seconds or an HTTP date. */
	private static function seconds( string $retry_after ): int {
		$retry_after = trim( $retry_after );
		if ( '' === $retry_after ) {
			return self::DEFAULT_RETRY_AFTER;
		}
		if ( ctype_digit( $retry_after ) ) {
			return max( 1, (int) $retry_after );
		}
		$when = strtotime( $retry_after );
		return false === $when ? self::DEFAULT_RETRY_AFTER : max( 1, $when - time() );
	}

	private static function detail( string $body ): string {
		$decoded = json_decode( $body, true );
		$message = is_array( $decoded ) && isset( $decoded['error']['message'] ) && is_string( $decoded['error']['message'] ) ? $decoded['error']['message'] : '';
		return mb_substr( sanitize_text_field( $message ), 0, 1000 );
	}

	private static function log( string $message ): void {
		// phpcs:ignore WordPress.PHP.DevelopmentFunctions -- operators need this; the browser gets only our code.
		error_log( 'Courses Copilot proxy: ' . $message );
	}
}
