<?php
/**
 * What a shape's validation gives back: the cleaned value (unknown keys dropped, defaults filled,
 * as plain arrays) when it passed, and every problem found when it did not.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class Result {

	/** @param array<int, string> $errors */
	public function __construct( public readonly mixed $value, public readonly array $errors ) {}

	public static function from( Checker $checker, mixed $value ): self {
		return new self( $checker->ok() ? $value : null, $checker->errors() );
	}

	public function ok(): bool {
		return array() === $this->errors;
	}
}
