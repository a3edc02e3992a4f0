<?php
/**
 * Lesson and course content as block markup, safe to store: model or user text goes through
 * wp_kses_post, and text that is not block markup yet is wrapped in core/paragraph blocks
 * (one per blank-line-separated paragraph).
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Validation\ModelOutput;

final class BlockMarkup {

	public static function from_text( string $text ): string {
		$text = ModelOutput::blocks( $text );
		if ( '' === $text || has_blocks( $text ) ) {
			return $text;
		}
		$paragraphs = preg_split( '/\n\s*\n/', str_replace( "\r\n", "\n", $text ) ) ?: array();
		$blocks     = array();
		foreach ( $paragraphs as $paragraph ) {
			$paragraph = trim( $paragraph );
			if ( '' === $paragraph ) {
				continue;
			}
			// A paragraph that is already one <p> keeps it; plain text gets one (line breaks become <br>).
			$inner    = preg_match( '#^<p[^>]*>.*</p>$#s', $paragraph ) ? $paragraph : '<p>' . nl2br( $paragraph, false ) . '</p>';
			$blocks[] = "<!-- wp:paragraph -->\n{$inner}\n<!-- /wp:paragraph -->";
		}
		return implode( "\n\n", $blocks );
	}
}
