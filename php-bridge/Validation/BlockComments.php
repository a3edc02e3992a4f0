<?php
/**
 * kses reads a block comment as HTML: a raw `<` or `>` in its JSON (`{"question":"Is 2 < 3?"}`)
 * makes it cut the comment apart, the block is lost and its attributes (a quiz's answer among
 * them) print as visible text. The block editor never writes that (it escapes them as \u003c), but
 * model output and REST clients can. So content is re-serialized the editor's way before kses sees
 * it: for every post save (content_save_pre, ahead of kses at priority 10) and in ModelOutput.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class BlockComments {

	/** A block comment whose attribute JSON holds a raw < or >. */
	private const RAW_ANGLE_IN_ATTRIBUTES = '#<!--\s+wp:[a-z0-9/_-]+\s+\{(?:(?!-->).)*?[<>](?:(?!-->).)*?\}\s+/?-->#s';

	public static function register(): void {
		add_filter( 'content_save_pre', array( self::class, 'escape_before_kses' ), 9 );
	}

	/** content_save_pre hands over slashed content. */
	public static function escape_before_kses( mixed $content ): mixed {
		if ( ! is_string( $content ) ) {
			return $content;
		}
		$raw     = wp_unslash( $content );
		$escaped = self::escape( $raw );
		return $escaped === $raw ? $content : wp_slash( $escaped );
	}

	/** The content with every block's attributes serialized as the block editor does (< as \u003c). */
	public static function escape( string $content ): string {
		if ( ! preg_match( self::RAW_ANGLE_IN_ATTRIBUTES, $content ) ) {
			return $content;
		}
		return serialize_blocks( parse_blocks( $content ) );
	}
}
