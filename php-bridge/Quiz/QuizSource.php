<?php
/**
 * The text a quiz is written from: pasted content, one lesson, or a whole course (its lessons
 * section by section, each in order, under their titles). Block comments and tags are stripped
 * before anything is sent, so the model sees the words and not the markup.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Quiz;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Courses\CourseOutline;

final class QuizSource {

	public const MAX_LENGTH = 200000;

	public static function from_post( \WP_Post $post ): string {
		return self::plain( $post->post_content );
	}

	public static function from_course( int $course_id ): string {
		$parts = array();
		foreach ( CourseOutline::lessons( $course_id ) as $lesson ) {
			$text = self::plain( $lesson->post_content );
			if ( '' !== $text ) {
				$parts[] = self::plain( $lesson->post_title ) . "\n\n" . $text;
			}
		}
		return self::clip( implode( "\n\n", $parts ) );
	}

	public static function plain( string $content ): string {
		$content = (string) preg_replace( '/<!--.*?-->/s', '', $content );
		// Block ends become paragraph breaks, so sentences from two blocks do not run together.
		$content = (string) preg_replace( '#</(p|h[1-6]|li|div|blockquote|pre|figcaption|td|th)>#i', "$0\n\n", $content );
		$content = html_entity_decode( wp_strip_all_tags( $content ), ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		$content = (string) preg_replace( "/[ \t]+/", ' ', $content );
		$content = (string) preg_replace( "/\s*\n\s*\n\s*/", "\n\n", $content );
		return self::clip( trim( $content ) );
	}

	private static function clip( string $text ): string {
		return mb_strlen( $text ) > self::MAX_LENGTH ? mb_substr( $text, 0, self::MAX_LENGTH ) : $text;
	}
}
