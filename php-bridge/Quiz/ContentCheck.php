<?php
/**
 * Whether there is enough text to write questions from, decided before any model call: at least
 * 200 characters, 50 words and 3 sentences. Too little answers mpcc_content_too_short with a
 * suggestion that says what to add.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Quiz;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

final class ContentCheck {

	public const MIN_CHARACTERS = 200;
	public const MIN_WORDS      = 50;
	public const MIN_SENTENCES  = 3;

	public static function require_enough( string $text ): void {
		$characters = mb_strlen( $text );
		$words      = self::words( $text );
		$sentences  = self::sentences( $text );
		if ( $characters >= self::MIN_CHARACTERS && $words >= self::MIN_WORDS && $sentences >= self::MIN_SENTENCES ) {
			return;
		}
		throw DomainError::content_too_short( self::suggestion( $words, $sentences ) );
	}

	public static function words( string $text ): int {
		return preg_match_all( '/[\p{L}\p{N}][\p{L}\p{N}\'’-]*/u', $text );
	}

	public static function sentences( string $text ): int {
		return preg_match_all( '/[\p{L}\p{N}][^.!?。！？]*?(?:[.!?。！？]+|$)/u', trim( $text ) );
	}

	private static function suggestion( int $words, int $sentences ): string {
		return sprintf(
			/* translators: 1: words the content has, 2: sentences it has, 3: words needed, 4: sentences needed */
			__( 'The content has %1$d words in %2$d sentences. Add at least %3$d words in %4$d or more full sentences — explain the key ideas, give an example, or paste the whole lesson — then try again.', 'courses-copilot' ),
			$words,
			$sentences,
			self::MIN_WORDS,
			self::MIN_SENTENCES
		);
	}
}
