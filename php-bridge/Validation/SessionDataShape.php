<?php
/**
 * What the browser auto-saves (`session_data`): {title?, messages, course_structure, conversation_state,
 * ui?, post_id?}. Messages use the shared shape; the outline is a draft (CourseDraftShape): work in
 * progress always saves, and the creation rules wait for Create course. `ui` is the panel's own
 * state, kept as an opaque object (the 1 MB cap on the whole field bounds it).
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class SessionDataShape {

	public const MAX_MESSAGES = 500;

	public static function validate( mixed $input ): Result {
		$c      = new Checker();
		$fields = $c->object( $input, '' );
		if ( null === $fields ) {
			return Result::from( $c, null );
		}
		$out = array( 'messages' => array() );
		Optional::field( $fields, $out, 'title', '', static fn( $v, $p ) => $c->string( $v, $p, 0, CourseDraftShape::MAX_TITLE ) );
		foreach ( $c->list( $fields['messages'] ?? array(), 'messages', 0, self::MAX_MESSAGES ) ?? array() as $i => $message ) {
			$out['messages'][] = ConversationShape::message( $c, $message, "messages.{$i}" );
		}
		// Absent (not null): the browser has no outline to send and the stored one stays.
		if ( array_key_exists( 'course_structure', $fields ) ) {
			$out['course_structure'] = null;
		}
		if ( isset( $fields['course_structure'] ) ) {
			$out['course_structure'] = CourseDraftShape::check( $c, $fields['course_structure'], 'course_structure' );
		}
		$out['conversation_state'] = ConversationShape::state( $c, $fields['conversation_state'] ?? 'initial', 'conversation_state' );
		if ( array_key_exists( 'ui', $fields ) && null !== $fields['ui'] ) {
			$ui = $fields['ui'];
			if ( ! $ui instanceof \stdClass ) {
				$c->add( 'ui', 'expected an object' );
			} else {
				$out['ui'] = json_decode( (string) wp_json_encode( $ui ), true );
			}
		}
		Optional::field( $fields, $out, 'post_id', '', static fn( $v, $p ) => $c->int( $v, $p, 1 ), true );
		return Result::from( $c, $out );
	}
}
