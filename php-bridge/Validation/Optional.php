<?php
/**
 * zod's `.optional()` and `.nullable()` for object fields: copies a key into the output only when
 * the input has it, so "absent" stays absent.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class Optional {

	/**
	 * @param array<string, mixed>  $input
	 * @param array<string, mixed>  $output
	 * @param callable(mixed, string): mixed $check returns the clean value, or null after adding an error
	 */
	public static function field( array $input, array &$output, string $key, string $path, callable $check, bool $nullable = false ): void {
		if ( ! array_key_exists( $key, $input ) ) {
			return;
		}
		if ( null === $input[ $key ] && $nullable ) {
			$output[ $key ] = null;
			return;
		}
		$value = $check( $input[ $key ], self::join( $path, $key ) );
		if ( null !== $value ) {
			$output[ $key ] = $value;
		}
	}

	public static function join( string $path, string|int $key ): string {
		return '' === $path ? (string) $key : $path . '.' . $key;
	}
}
