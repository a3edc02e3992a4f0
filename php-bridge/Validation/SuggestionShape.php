<?php
/**
 * The assistant sidebar's suggestions (src/schemas/suggestions.ts), a union on `type`.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class SuggestionShape {

	public const TYPES = array( 'insert_blocks', 'replace_block', 'set_title', 'set_excerpt' );

	public static function validate( mixed $input ): Result {
		$checker = new Checker();
		return Result::from( $checker, self::check( $checker, $input, '' ) );
	}

	/** @return array<string, mixed>|null */
	public static function check( Checker $c, mixed $input, string $path ): ?array {
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$at   = static fn( string $key ): string => Optional::join( $path, $key );
		$type = $c->enum( $fields['type'] ?? null, $at( 'type' ), self::TYPES );
		if ( null === $type ) {
			return null;
		}
		$out = array(
			'id'    => $c->string( $fields['id'] ?? null, $at( 'id' ), 1, 64 ),
			'label' => $c->string( $fields['label'] ?? null, $at( 'label' ), 1, 200 ),
			'type'  => $type,
		);
		switch ( $type ) {
			case 'insert_blocks':
				$out['position'] = $c->enum( $fields['position'] ?? null, $at( 'position' ), array( 'cursor', 'end' ) );
				$out['content']  = $c->string( $fields['content'] ?? null, $at( 'content' ), 1, 100000 );
				break;
			case 'replace_block':
				$out['content'] = $c->string( $fields['content'] ?? null, $at( 'content' ), 1, 100000 );
				break;
			case 'set_title':
				$out['title'] = $c->string( $fields['title'] ?? null, $at( 'title' ), 1, 200, true );
				break;
			case 'set_excerpt':
				$out['excerpt'] = $c->string( $fields['excerpt'] ?? null, $at( 'excerpt' ), 1, 1000, true );
				break;
		}
		return $out;
	}
}
