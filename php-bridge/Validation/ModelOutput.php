<?php
/**
 * Makes validated model output safe to store and to hand to the browser: plain-text fields lose
 * all markup, block content keeps only what wp_kses_post allows (no <script>, no on* handlers,
 * no javascript: URLs). Shapes are checked first (the *Shape classes); this only cleans.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

use CoursesCopilot\Quiz\AnswerKeys;

defined( 'ABSPATH' ) || exit;

final class ModelOutput {

	public static function text( string $value ): string {
		return trim( wp_strip_all_tags( $value ) );
	}

	/** Chat replies are shown as text with light formatting; kses keeps that and nothing active. */
	public static function message( string $value ): string {
		return trim( wp_kses_post( self::without_scripts( $value ) ) );
	}

	/** Block content for lessons and courses: never a quiz's question blocks, attributes kses can read. */
	public static function blocks( string $value ): string {
		return trim( wp_kses_post( BlockComments::escape( AnswerKeys::without_questions( self::without_scripts( $value ) ) ) ) );
	}

	/** kses drops <script> and <style> tags but keeps their text; the code is noise, so it goes too. */
	private static function without_scripts( string $value ): string {
		return (string) preg_replace( '@<(script|style)[^>]*?>.*?</\\1>@si', '', $value );
	}

	/** @param array<string, mixed> $structure @return array<string, mixed> */
	public static function structure( array $structure ): array {
		$structure['title']       = self::text( (string) $structure['title'] );
		$structure['description'] = sanitize_textarea_field( (string) $structure['description'] );
		foreach ( $structure['sections'] as &$section ) {
			$section['id']    = sanitize_text_field( (string) $section['id'] );
			$section['title'] = self::text( (string) $section['title'] );
			if ( isset( $section['description'] ) ) {
				$section['description'] = sanitize_textarea_field( (string) $section['description'] );
			}
			foreach ( $section['lessons'] as &$lesson ) {
				$lesson['id']    = sanitize_text_field( (string) $lesson['id'] );
				$lesson['title'] = self::text( (string) $lesson['title'] );
				if ( isset( $lesson['summary'] ) ) {
					$lesson['summary'] = sanitize_textarea_field( (string) $lesson['summary'] );
				}
				if ( isset( $lesson['content'] ) ) {
					$lesson['content'] = self::blocks( (string) $lesson['content'] );
				}
			}
			unset( $lesson );
		}
		unset( $section );
		return $structure;
	}

	/**
	 * A message as the browser saves it back: its text, and its suggestion cards (their block markup,
	 * and the markup of the block a card was made for, which is only ever shown as text).
	 *
	 * @param array<string, mixed> $message
	 * @return array<string, mixed>
	 */
	public static function stored_message( array $message ): array {
		$message['content'] = self::message( (string) $message['content'] );
		if ( isset( $message['suggestions'] ) && is_array( $message['suggestions'] ) ) {
			$message['suggestions'] = array_map(
				static function ( array $card ): array {
					$card = self::suggestion( $card );
					if ( isset( $card['target']['content'] ) ) {
						$card['target']['content'] = wp_kses_post( (string) $card['target']['content'] );
						$card['target']['client_id'] = sanitize_text_field( (string) $card['target']['client_id'] );
						$card['target']['name']      = sanitize_text_field( (string) $card['target']['name'] );
					}
					return $card;
				},
				$message['suggestions']
			);
		}
		return $message;
	}

	/** @param array<string, mixed> $suggestion @return array<string, mixed> */
	public static function suggestion( array $suggestion ): array {
		$suggestion['id']    = sanitize_text_field( (string) $suggestion['id'] );
		$suggestion['label'] = self::text( (string) $suggestion['label'] );
		foreach ( array( 'title', 'excerpt' ) as $key ) {
			if ( isset( $suggestion[ $key ] ) ) {
				$suggestion[ $key ] = self::text( (string) $suggestion[ $key ] );
			}
		}
		if ( isset( $suggestion['content'] ) ) {
			$suggestion['content'] = self::blocks( (string) $suggestion['content'] );
		}
		return $suggestion;
	}

	/** @param array<string, mixed> $question @return array<string, mixed> */
	public static function question( array $question ): array {
		foreach ( array( 'question', 'explanation', 'source_excerpt' ) as $key ) {
			if ( isset( $question[ $key ] ) ) {
				$question[ $key ] = self::text( (string) $question[ $key ] );
			}
		}
		$question['options']        = array_map( array( self::class, 'text' ), $question['options'] );
		$question['correct_answer'] = is_array( $question['correct_answer'] )
			? array_map( array( self::class, 'text' ), $question['correct_answer'] )
			: self::text( (string) $question['correct_answer'] );
		return $question;
	}
}
