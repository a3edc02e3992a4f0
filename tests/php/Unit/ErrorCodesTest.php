<?php
/**
 * PHP's error code → HTTP status table (php-bridge/Errors/ErrorCodes.php) is the TypeScript one
 * (src/schemas/errors.ts, read by the browser): the same codes with the same statuses, and every
 * code a DomainError factory makes is in it.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Unit;

use CoursesCopilot\Errors\DomainError;
use CoursesCopilot\Errors\ErrorCodes;
use CoursesCopilot\Plugin;
use PHPUnit\Framework\TestCase;

final class ErrorCodesTest extends TestCase {

	public function test_php_and_typescript_give_every_code_the_same_status(): void {
		$typescript = self::typescript_table();
		$this->assertGreaterThanOrEqual( 10, count( $typescript ), 'src/schemas/errors.ts ERROR_STATUS could not be read' );
		ksort( $typescript );
		$php = ErrorCodes::STATUS;
		ksort( $php );
		$this->assertSame( $typescript, $php );
	}

	public function test_every_factory_code_has_a_status(): void {
		$errors = array(
			DomainError::not_logged_in(),
			DomainError::invalid_nonce(),
			DomainError::forbidden(),
			DomainError::not_found(),
			DomainError::invalid_parameter(),
			DomainError::payload_too_large(),
			DomainError::conflict( array() ),
			DomainError::session_bound_to_post(),
			DomainError::content_too_short( 'More.' ),
			DomainError::rate_limited( 5 ),
			DomainError::ai_service_error(),
			DomainError::ai_refused( 'No.' ),
			DomainError::ai_output_truncated(),
			DomainError::database_error(),
			DomainError::general(),
		);
		$codes = array_map( static fn( DomainError $error ): string => $error->error_code, $errors );
		$this->assertEqualsCanonicalizing( array_keys( ErrorCodes::STATUS ), $codes );
	}

	/** `mpcc_code: 123,` lines of the `ERROR_STATUS = { … }` object literal, comments aside. @return array<string, int> */
	private static function typescript_table(): array {
		$source = (string) file_get_contents( Plugin::dir() . 'src/schemas/errors.ts' );
		if ( ! preg_match( '/export const ERROR_STATUS = \{(.*?)\} as const;/s', $source, $block ) ) {
			return array();
		}
		$body = (string) preg_replace( array( '#/\*.*?\*/#s', '#//[^\n]*#' ), '', $block[1] );
		preg_match_all( '/^\s*([a-z_]+)\s*:\s*(\d{3})\s*,?\s*$/m', $body, $pairs, PREG_SET_ORDER );
		$table = array();
		foreach ( $pairs as $pair ) {
			$table[ $pair[1] ] = (int) $pair[2];
		}
		return $table;
	}
}
