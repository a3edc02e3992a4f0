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

	public const TYPES  = array( 'insert_blocks', 'replace_block', 'set_title', 'set_excerpt' );
	public const STATES = array( 'applied', 'dismissed', 'stale' );

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

	/**
	 * A reply's suggestions as the session keeps them (SuggestionCardSchema): each suggestion with
	 * what became of it (state) and, for replace_block, the block it was made for (target).
	 *
	 * @return array<int, array<string, mixed>>|null
	 */
	public static function cards( Checker $c, mixed $input, string $path ): ?array {
		$cards = array();
		foreach ( $c->list( $input, $path, 0, 10 ) ?? array() as $i => $item ) {
			$at   = Optional::join( $path, (string) $i );
			$card = self::check( $c, $item, $at );
			if ( null === $card ) {
				continue;
			}
			$fields = (array) $item;
			Optional::field( $fields, $card, 'state', $at, static fn( $v, $p ) => $c->enum( $v, $p, self::STATES ) );
			Optional::field( $fields, $card, 'target', $at, static fn( $v, $p ) => self::target( $c, $v, $p ) );
			$cards[] = $card;
		}
		return $cards;
	}

	/** @return array<string, mixed>|null */
	private static function target( Checker $c, mixed $input, string $path ): ?array {
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$at       = static fn( string $key ): string => Optional::join( $path, $key );
		$position = array();
		foreach ( $c->list( $fields['path'] ?? null, $at( 'path' ), 0, 20 ) ?? array() as $i => $index ) {
			$position[] = $c->int( $index, $at( "path.{$i}" ), 0 );
		}
		return array(
			'client_id' => $c->string( $fields['client_id'] ?? null, $at( 'client_id' ), 0, 100 ),
			'name'      => $c->string( $fields['name'] ?? null, $at( 'name' ), 1, 200 ),
			'path'      => $position,
			'content'   => $c->string( $fields['content'] ?? null, $at( 'content' ), 0, 50000 ),
		);
	}
}
