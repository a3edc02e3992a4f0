<?php
/**
 * The primitive checks behind the shapes, written to agree with zod (src/schemas): strings are
 * measured in UTF-16 code units like JavaScript's `length`, `.trim()` runs before `.min()`,
 * `.optional()` accepts a missing key but not null, unknown keys are dropped. Errors collect
 * with their path ("sections.0.lessons.2.title") so one run reports them all.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class Checker {

	/** @var array<int, string> */
	private array $errors = array();

	/** @return array<int, string> */
	public function errors(): array {
		return $this->errors;
	}

	public function ok(): bool {
		return array() === $this->errors;
	}

	/** How many problems so far: a shape compares before and after to know if its part passed. */
	public function count(): int {
		return count( $this->errors );
	}

	public function add( string $path, string $problem ): void {
		$this->errors[] = ( '' === $path ? '(root)' : $path ) . ': ' . $problem;
	}

	/**
	 * A JSON object: stdClass, or a non-list array. Returns its fields as an array, or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function object( mixed $value, string $path ): ?array {
		if ( $value instanceof \stdClass ) {
			return get_object_vars( $value );
		}
		if ( is_array( $value ) && array() !== $value && ! array_is_list( $value ) ) {
			return $value;
		}
		$this->add( $path, 'expected an object' );
		return null;
	}

	/** @return array<int, mixed>|null */
	public function list( mixed $value, string $path, int $min = 0, int $max = PHP_INT_MAX ): ?array {
		if ( ! is_array( $value ) || ! array_is_list( $value ) ) {
			$this->add( $path, 'expected an array' );
			return null;
		}
		if ( count( $value ) < $min ) {
			$this->add( $path, "expected at least {$min} items" );
		}
		if ( count( $value ) > $max ) {
			$this->add( $path, "expected at most {$max} items" );
			return null;
		}
		return $value;
	}

	public function string( mixed $value, string $path, int $min = 0, int $max = PHP_INT_MAX, bool $trim = false ): ?string {
		if ( ! is_string( $value ) ) {
			$this->add( $path, 'expected a string' );
			return null;
		}
		if ( $trim ) {
			$value = self::js_trim( $value );
		}
		$length = self::js_length( $value );
		if ( $length < $min ) {
			$this->add( $path, "expected at least {$min} characters" );
			return null;
		}
		if ( $length > $max ) {
			$this->add( $path, "expected at most {$max} characters" );
			return null;
		}
		return $value;
	}

	public function int( mixed $value, string $path, int $min = PHP_INT_MIN, int $max = PHP_INT_MAX ): ?int {
		// JSON 5.0 is the integer 5 in JavaScript, so zod's int() accepts it.
		if ( is_float( $value ) && is_finite( $value ) && floor( $value ) === $value && abs( $value ) < 2 ** 53 ) {
			$value = (int) $value;
		}
		if ( ! is_int( $value ) ) {
			$this->add( $path, 'expected an integer' );
			return null;
		}
		if ( $value < $min || $value > $max ) {
			$this->add( $path, "expected an integer from {$min} to {$max}" );
			return null;
		}
		return $value;
	}

	public function number( mixed $value, string $path, float $min, float $max ): int|float|null {
		if ( ! is_int( $value ) && ! ( is_float( $value ) && is_finite( $value ) ) ) {
			$this->add( $path, 'expected a number' );
			return null;
		}
		if ( $value < $min || $value > $max ) {
			$this->add( $path, "expected a number from {$min} to {$max}" );
			return null;
		}
		return $value;
	}

	public function bool( mixed $value, string $path ): ?bool {
		if ( ! is_bool( $value ) ) {
			$this->add( $path, 'expected a boolean' );
			return null;
		}
		return $value;
	}

	/** @param array<int, string> $allowed */
	public function enum( mixed $value, string $path, array $allowed ): ?string {
		if ( ! is_string( $value ) || ! in_array( $value, $allowed, true ) ) {
			$this->add( $path, 'expected one of ' . implode( ', ', $allowed ) );
			return null;
		}
		return $value;
	}

	/** JavaScript's String.prototype.length: UTF-16 code units. */
	public static function js_length( string $value ): int {
		if ( ! preg_match( '//u', $value ) ) {
			return strlen( $value ); // Not UTF-8; callers sanitize such strings away anyway.
		}
		return intdiv( strlen( (string) mb_convert_encoding( $value, 'UTF-16LE', 'UTF-8' ) ), 2 );
	}

	/** JavaScript's String.prototype.trim: Unicode white space and line terminators, and the BOM. */
	public static function js_trim( string $value ): string {
		$trimmed = preg_replace( '/^[\s\p{Zs}\x{FEFF}\x{2028}\x{2029}]+|[\s\p{Zs}\x{FEFF}\x{2028}\x{2029}]+$/u', '', $value );
		return null === $trimmed ? trim( $value ) : $trimmed;
	}
}
