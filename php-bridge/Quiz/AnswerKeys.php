<?php
/**
 * A quiz's answer key lives in its question blocks' attributes (correctAnswer, explanation,
 * sourceExcerpt). Learners never see it (QuestionRenderer prints none of it), and neither does a
 * user who may not edit the quiz: WordPress' REST list with context=edit hands every quiz's
 * content.raw to anyone with edit_posts, so for a quiz the user cannot edit_post, the question
 * blocks in content.raw keep only what a learner sees. Question blocks also never belong in a
 * lesson: without_questions() takes them out of model output meant for lessons.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Quiz;

use CoursesCopilot\Courses\PostTypes;

defined( 'ABSPATH' ) || exit;

final class AnswerKeys {

	/** What a learner sees of a question; every other attribute (ours or MemberPress Courses') is kept back. */
	private const PUBLIC_ATTRIBUTES = array( 'question', 'options', 'points' );

	public static function register(): void {
		add_filter( 'rest_prepare_' . PostTypes::QUIZ, array( self::class, 'strip_from_rest' ), 10, 2 );
	}

	/** Ours (courses-copilot/…-question) and MemberPress Courses' (memberpress-courses/…-question). */
	public static function is_question( mixed $block_name ): bool {
		return is_string( $block_name ) && 1 === preg_match( '#^(courses-copilot|memberpress-courses)/[a-z0-9-]+-question$#', $block_name );
	}

	public static function strip_from_rest( \WP_REST_Response $response, \WP_Post $post ): \WP_REST_Response {
		if ( current_user_can( 'edit_post', $post->ID ) ) {
			return $response;
		}
		$data = $response->get_data();
		if ( is_array( $data ) && is_string( $data['content']['raw'] ?? null ) ) {
			$data['content']['raw'] = self::strip( $data['content']['raw'] );
			$response->set_data( $data );
		}
		return $response;
	}

	/** The content with each question block's answer attributes removed. */
	public static function strip( string $content ): string {
		if ( ! has_blocks( $content ) ) {
			return $content;
		}
		return serialize_blocks( self::strip_blocks( parse_blocks( $content ) ) );
	}

	/** The content with no question blocks at all. */
	public static function without_questions( string $content ): string {
		if ( ! has_blocks( $content ) || ! preg_match( '#<!--\s+wp:(courses-copilot|memberpress-courses)/[a-z0-9-]+-question[\s/]#', $content ) ) {
			return $content;
		}
		return serialize_blocks( self::drop_questions( parse_blocks( $content ) ) );
	}

	/**
	 * @param array<int, array<string, mixed>> $blocks parsed blocks
	 * @return array<int, array<string, mixed>>
	 */
	private static function strip_blocks( array $blocks ): array {
		foreach ( $blocks as &$block ) {
			if ( self::is_question( $block['blockName'] ) ) {
				$block['attrs'] = array_intersect_key( (array) $block['attrs'], array_flip( self::PUBLIC_ATTRIBUTES ) );
			}
			$block['innerBlocks'] = self::strip_blocks( $block['innerBlocks'] );
		}
		unset( $block );
		return $blocks;
	}

	/**
	 * @param array<int, array<string, mixed>> $blocks parsed blocks
	 * @return array<int, array<string, mixed>>
	 */
	private static function drop_questions( array $blocks ): array {
		$kept = array();
		foreach ( $blocks as $block ) {
			if ( self::is_question( $block['blockName'] ) ) {
				continue;
			}
			if ( array() !== $block['innerBlocks'] ) {
				// innerContent holds a null where each inner block goes: drop the nulls of dropped blocks too.
				$inner   = array();
				$content = array();
				$index   = 0;
				foreach ( $block['innerContent'] as $chunk ) {
					if ( null !== $chunk ) {
						$content[] = $chunk;
						continue;
					}
					$child = $block['innerBlocks'][ $index++ ] ?? null;
					if ( null !== $child && ! self::is_question( $child['blockName'] ) ) {
						$inner[]   = self::drop_questions( array( $child ) )[0];
						$content[] = null;
					}
				}
				$block['innerBlocks']  = $inner;
				$block['innerContent'] = $content;
			}
			$kept[] = $block;
		}
		return $kept;
	}
}
