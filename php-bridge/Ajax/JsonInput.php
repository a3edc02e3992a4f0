<?php
/**
 * A JSON-valued request field checked against its declared shape: a key the shape does not declare
 * is answered 400 with its name instead of being dropped without a word (a misspelt option would
 * otherwise silently fall back to its default).
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

use CoursesCopilot\Validation\Result;
use CoursesCopilot\Validation\UnknownKeys;

final class JsonInput {

	/** Throws 400 naming the first unknown key when the validated input had keys its shape does not declare. */
	public static function refuse_unknown_keys( string $field, mixed $input, Result $result ): void {
		if ( ! $result->ok() ) {
			return;
		}
		$unknown = UnknownKeys::paths( $input, $result->value );
		if ( array() === $unknown ) {
			return;
		}
		throw new DomainError(
			'mpcc_invalid_parameter',
			sprintf(
				/* translators: 1: the unknown key, e.g. "bogus" or "sections.0.colour"; 2: the request field it was found in */
				__( 'Unknown field "%1$s" in "%2$s". Check its spelling.', 'courses-copilot' ),
				$unknown[0],
				$field
			),
			array( 'errors' => array_map( static fn( string $path ): string => "{$field}.{$path}: unknown field", array_slice( $unknown, 0, 10 ) ) )
		);
	}
}
