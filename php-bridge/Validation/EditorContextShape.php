<?php
/**
 * The live editor context the assistant sidebar sends (`context`, src/api/types.ts EditorContextInput):
 * {title?, content?, excerpt?, selected_block?: {client_id?, name, content?} | null}. Only the types are
 * checked here; EditorContext::build sanitizes the values and falls back to the saved post.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class EditorContextShape {

	public static function validate( mixed $input ): Result {
		$c      = new Checker();
		$fields = $input instanceof \stdClass && array() === get_object_vars( $input ) ? array() : $c->object( $input, '' );
		if ( null === $fields ) {
			return Result::from( $c, null );
		}
		$out = array();
		Optional::field( $fields, $out, 'title', '', static fn( $v, $p ) => $c->string( $v, $p ) );
		Optional::field( $fields, $out, 'content', '', static fn( $v, $p ) => $c->string( $v, $p ) );
		Optional::field( $fields, $out, 'excerpt', '', static fn( $v, $p ) => $c->string( $v, $p ) );
		Optional::field( $fields, $out, 'selected_block', '', static fn( $v, $p ) => self::block( $c, $v, $p ), true );
		return Result::from( $c, $out );
	}

	/** @return array<string, mixed>|null */
	private static function block( Checker $c, mixed $input, string $path ): ?array {
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$out = array( 'name' => $c->string( $fields['name'] ?? null, Optional::join( $path, 'name' ), 1 ) );
		Optional::field( $fields, $out, 'client_id', $path, static fn( $v, $p ) => $c->string( $v, $p ) );
		Optional::field( $fields, $out, 'content', $path, static fn( $v, $p ) => $c->string( $v, $p ) );
		return $out;
	}
}
