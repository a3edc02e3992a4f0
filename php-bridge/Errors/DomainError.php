<?php
/**
 * A refusal or failure with its error code (docs/contracts.md "Error codes"), a message for the
 * author and any extra reply fields (retry_after, server_session, suggestion). Domain classes throw
 * it without knowing the transport: Ajax\Runner turns it into the reply, with the code's status
 * from ErrorCodes.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Errors;

defined( 'ABSPATH' ) || exit;

final class DomainError extends \RuntimeException {

	/** @param array<string, mixed> $extra */
	public function __construct(
		public readonly string $error_code,
		string $message,
		public readonly array $extra = array()
	) {
		parent::__construct( $message );
	}

	public static function not_logged_in(): self {
		return new self( 'mpcc_not_logged_in', __( 'Your session has ended. Log in again to continue.', 'courses-copilot' ) );
	}

	public static function invalid_nonce(): self {
		return new self( 'mpcc_invalid_nonce', __( 'This page has expired. Reload it and try again.', 'courses-copilot' ) );
	}

	public static function forbidden(): self {
		return new self( 'mpcc_forbidden', __( 'You are not allowed to do that.', 'courses-copilot' ) );
	}

	public static function not_found(): self {
		return new self( 'mpcc_not_found', __( 'That item was not found.', 'courses-copilot' ) );
	}

	public static function invalid_parameter( string $message = '' ): self {
		return new self( 'mpcc_invalid_parameter', '' !== $message ? $message : __( 'The request was not valid.', 'courses-copilot' ) );
	}

	public static function payload_too_large( string $message = '' ): self {
		return new self( 'mpcc_payload_too_large', '' !== $message ? $message : __( 'That is more than can be sent at once.', 'courses-copilot' ) );
	}

	/** @param array<string, mixed> $server_session */
	public static function conflict( array $server_session ): self {
		return new self(
			'mpcc_conflict',
			__( 'This session was changed in another tab or window.', 'courses-copilot' ),
			array( 'server_session' => $server_session )
		);
	}

	/** The course chat was given a session that belongs to a post's assistant sidebar. */
	public static function session_bound_to_post(): self {
		return new self(
			'mpcc_session_bound_to_post',
			__( 'This conversation belongs to a post’s assistant. Open that post to continue it, or start a new conversation here.', 'courses-copilot' )
		);
	}

	public static function content_too_short( string $suggestion ): self {
		return new self(
			'mpcc_content_too_short',
			__( 'There is not enough content to write good questions from.', 'courses-copilot' ),
			array( 'suggestion' => $suggestion )
		);
	}

	public static function rate_limited( int $retry_after ): self {
		return new self(
			'mpcc_rate_limited',
			__( 'Too many requests. Wait a moment and try again.', 'courses-copilot' ),
			array( 'retry_after' => max( 1, $retry_after ) )
		);
	}

	public static function ai_service_error(): self {
		return new self( 'mpcc_ai_service_error', __( 'The AI service is not available right now. Try again in a minute.', 'courses-copilot' ) );
	}

	/** The model declined; its words (plain text, shortened) are shown to the author. */
	public static function ai_refused( string $model_text ): self {
		$text = mb_substr( sanitize_text_field( $model_text ), 0 );
		return new self(
			'mpcc_ai_refused',
			'' !== $text
				/* translators: %s: the AI model's own words explaining why it declined */
				? sprintf( __( 'The AI declined this request: “%s”', 'courses-copilot' ), $text )
				: __( 'The AI declined this request.', 'courses-copilot' ),
			array( 'model_text' => $text )
		);
	}

	public static function ai_output_truncated(): self {
		return new self( 'mpcc_ai_output_truncated', __( 'The answer was cut off before it was complete. Ask for less at once (fewer questions, a shorter lesson) and try again.', 'courses-copilot' ) );
	}

	public static function database_error(): self {
		return new self( 'mpcc_database_error', __( 'Saving failed. Nothing was changed.', 'courses-copilot' ) );
	}

	public static function general(): self {
		return new self( 'mpcc_general', __( 'Something went wrong. Try again.', 'courses-copilot' ) );
	}

	/** @return array<string, mixed> The reply's `data`. */
	public function to_data(): array {
		return array_merge( array( 'code' => $this->error_code, 'message' => $this->getMessage() ), $this->extra );
	}
}
