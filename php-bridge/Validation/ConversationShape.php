<?php
/**
 * Chat messages and conversation states (src/schemas/conversation.ts).
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class ConversationShape {

	public const STATES             = array( 'initial', 'course_structure', 'content_generation', 'ready_to_create', 'created' );
	public const MAX_MESSAGE_LENGTH = 8000;

	public static function validate_message( mixed $input ): Result {
		$checker = new Checker();
		return Result::from( $checker, self::message( $checker, $input, '' ) );
	}

	/** @return array<string, mixed>|null */
	public static function message( Checker $c, mixed $input, string $path ): ?array {
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$out = array(
			'role'    => $c->enum( $fields['role'] ?? null, Optional::join( $path, 'role' ), array( 'user', 'assistant' ) ),
			'content' => $c->string( $fields['content'] ?? null, Optional::join( $path, 'content' ), 0, 100000 ),
		);
		Optional::field( $fields, $out, 'created_at', $path, static fn( $v, $p ) => $c->string( $v, $p ) );
		Optional::field( $fields, $out, 'demo', $path, static fn( $v, $p ) => $c->bool( $v, $p ) );
		Optional::field( $fields, $out, 'suggestions', $path, static fn( $v, $p ) => SuggestionShape::cards( $c, $v, $p ) );
		return $out;
	}

	public static function state( Checker $c, mixed $input, string $path ): ?string {
		return $c->enum( $input, $path, self::STATES );
	}
}
