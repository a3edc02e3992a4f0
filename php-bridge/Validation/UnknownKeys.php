<?php
/**
 * The keys of a JSON input that its shape does not declare. A shape's cleaned value holds exactly
 * the keys it declares (and the input had), so comparing the input with it finds the rest, at any
 * depth, without a second list of allowed keys to keep in step: a key newly declared in a shape is
 * accepted at once. A null-valued key the shape left out is taken as "absent" (shapes read null as
 * "not given"), so only keys with a value are reported.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class UnknownKeys {

	/** @return array<int, string> paths such as "options.bogus" or "sections.0.lessons.1.colour" */
	public static function paths( mixed $input, mixed $clean, string $path = '' ): array {
		$fields = self::fields( $input );
		if ( null === $fields || ! is_array( $clean ) ) {
			return self::list_paths( $input, $clean, $path );
		}
		$unknown = array();
		foreach ( $fields as $key => $value ) {
			$at = Optional::join( $path, (string) $key );
			if ( ! array_key_exists( $key, $clean ) ) {
				if ( null !== $value ) {
					$unknown[] = $at;
				}
				continue;
			}
			array_push( $unknown, ...self::paths( $value, $clean[ $key ], $at ) );
		}
		return $unknown;
	}

	/** @return array<int, string> */
	private static function list_paths( mixed $input, mixed $clean, string $path ): array {
		if ( ! is_array( $input ) || ! array_is_list( $input ) || ! is_array( $clean ) ) {
			return array();
		}
		$unknown = array();
		foreach ( $input as $i => $item ) {
			if ( array_key_exists( $i, $clean ) ) {
				array_push( $unknown, ...self::paths( $item, $clean[ $i ], Optional::join( $path, $i ) ) );
			}
		}
		return $unknown;
	}

	/** @return array<string, mixed>|null the fields of a JSON object, null for anything else */
	private static function fields( mixed $value ): ?array {
		if ( $value instanceof \stdClass ) {
			return get_object_vars( $value );
		}
		return is_array( $value ) && array() !== $value && ! array_is_list( $value ) ? $value : null;
	}
}
