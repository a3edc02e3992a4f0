<?php
/**
 * What learners see of a question block: the question and its options as form fields, and nothing
 * else. The correct answer, the explanation and the source excerpt stay in the block's attributes
 * (the editor's copy) and are never printed; option inputs carry their position, not their text or
 * whether they are right.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Blocks;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Validation\QuizShape;

final class QuestionRenderer {

	/** The question types a block can hold: the quiz schema's. */
	public const TYPES = QuizShape::TYPES;

	/**
	 * @param string               $type       one of self::TYPES.
	 * @param array<string, mixed> $attributes the block's attributes.
	 */
	public static function render( string $type, array $attributes ): string {
		if ( ! in_array( $type, self::TYPES, true ) ) {
			return '';
		}
		$question = is_string( $attributes['question'] ?? null ) ? trim( $attributes['question'] ) : '';
		if ( '' === $question ) {
			return '';
		}
		$points = max( 1, (int) ( $attributes['points'] ?? 1 ) );
		$name   = 'mpcc-question-' . wp_unique_id();

		$html  = '<fieldset class="mpcc-question__fieldset">';
		$html .= '<legend class="mpcc-question__text">' . esc_html( $question ) . '</legend>';
		$html .= '<p class="mpcc-question__points">' . esc_html(
			sprintf(
				/* translators: %d: points the question is worth */
				_n( '%d point', '%d points', $points, 'courses-copilot' ),
				$points
			)
		) . '</p>';
		$html .= self::answer_fields( $type, self::options( $type, $attributes ), $name );
		$html .= '</fieldset>';

		return sprintf(
			'<div %1$s>%2$s</div>',
			get_block_wrapper_attributes( array( 'class' => 'mpcc-question mpcc-question--' . str_replace( '_', '-', $type ) ) ),
			$html
		);
	}

	/**
	 * The labels learners choose from, in the author's order.
	 *
	 * @param array<string, mixed> $attributes
	 * @return list<string>
	 */
	private static function options( string $type, array $attributes ): array {
		if ( 'true_false' === $type ) {
			return array( __( 'True', 'courses-copilot' ), __( 'False', 'courses-copilot' ) );
		}
		if ( 'short_answer' === $type || ! is_array( $attributes['options'] ?? null ) ) {
			return array();
		}
		$options = array();
		foreach ( $attributes['options'] as $option ) {
			if ( is_string( $option ) && '' !== trim( $option ) ) {
				$options[] = trim( $option );
			}
		}
		return $options;
	}

	/** @param list<string> $options */
	private static function answer_fields( string $type, array $options, string $name ): string {
		if ( 'short_answer' === $type ) {
			return sprintf(
				'<p class="mpcc-question__answer"><label for="%1$s">%2$s</label> <input type="text" id="%1$s" name="%1$s" autocomplete="off" /></p>',
				esc_attr( $name ),
				esc_html__( 'Your answer', 'courses-copilot' )
			);
		}
		$input = 'multiple_answer' === $type ? 'checkbox' : 'radio';
		$html  = '<ul class="mpcc-question__options">';
		foreach ( $options as $index => $label ) {
			$id    = $name . '-' . $index;
			$html .= sprintf(
				'<li><input type="%1$s" id="%2$s" name="%3$s" value="%4$d" /> <label for="%2$s">%5$s</label></li>',
				$input,
				esc_attr( $id ),
				esc_attr( 'checkbox' === $input ? $name . '[]' : $name ),
				$index,
				esc_html( $label )
			);
		}
		return $html . '</ul>';
	}
}
