<?php
/**
 * The proxy's task responses (src/schemas/tasks.ts). The bridge checks what the proxy sends even
 * though the proxy checked it too: model output is untrusted, and a proxy can be misconfigured.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class TaskResponseShape {

	public static function course_turn( mixed $input ): Result {
		return self::top_level(
			$input,
			static function ( Checker $c, array $fields ): array {
				$structure = null;
				if ( ! array_key_exists( 'course_structure', $fields ) ) {
					$c->add( 'course_structure', 'required (null when there is none)' );
				} elseif ( null !== $fields['course_structure'] ) {
					$structure = CourseShape::check( $c, $fields['course_structure'], 'course_structure' );
				}
				return array(
					'message'            => $c->string( $fields['message'] ?? null, 'message' ),
					'course_structure'   => $structure,
					'conversation_state' => ConversationShape::state( $c, $fields['conversation_state'] ?? null, 'conversation_state' ),
					'demo'               => $c->bool( $fields['demo'] ?? null, 'demo' ),
				);
			}
		);
	}

	public static function lesson_content( mixed $input ): Result {
		return self::top_level(
			$input,
			static function ( Checker $c, array $fields ): array {
				return array(
					'content' => $c->string( $fields['content'] ?? null, 'content', 1 ),
					'demo'    => $c->bool( $fields['demo'] ?? null, 'demo' ),
				);
			}
		);
	}

	public static function editor_assist( mixed $input ): Result {
		return self::top_level(
			$input,
			static function ( Checker $c, array $fields ): array {
				$suggestions = array();
				foreach ( $c->list( $fields['suggestions'] ?? null, 'suggestions', 0, 10 ) ?? array() as $i => $suggestion ) {
					$suggestions[] = SuggestionShape::check( $c, $suggestion, "suggestions.{$i}" );
				}
				return array(
					'message'     => $c->string( $fields['message'] ?? null, 'message' ),
					'suggestions' => $suggestions,
					'demo'        => $c->bool( $fields['demo'] ?? null, 'demo' ),
				);
			}
		);
	}

	public static function quiz( mixed $input ): Result {
		return self::top_level(
			$input,
			static function ( Checker $c, array $fields ): array {
				$questions = array();
				foreach ( $c->list( $fields['questions'] ?? null, 'questions', 0, 20 ) ?? array() as $i => $question ) {
					$questions[] = self::quiz_question( $c, $question, "questions.{$i}" );
				}
				return array(
					'questions'     => $questions,
					'total'         => $c->int( $fields['total'] ?? null, 'total', 0 ),
					'type'          => $c->string( $fields['type'] ?? null, 'type' ),
					'quality_score' => $c->number( $fields['quality_score'] ?? null, 'quality_score', 0, 100 ),
					'demo'          => $c->bool( $fields['demo'] ?? null, 'demo' ),
				);
			}
		);
	}

	/** A question plus its optional quality `checks` (QuizQuestionSchema.and(...)). @return array<string, mixed>|null */
	public static function quiz_question( Checker $c, mixed $input, string $path ): ?array {
		$question = QuizShape::question( $c, $input, $path );
		if ( null === $question ) {
			return null;
		}
		$fields = $c->object( $input, $path ) ?? array();
		if ( ! array_key_exists( 'checks', $fields ) ) {
			return $question;
		}
		$checks = $c->object( $fields['checks'], "{$path}.checks" );
		if ( null !== $checks ) {
			$question['checks'] = array();
			foreach ( array( 'excerpt_found', 'duplicate', 'correct_is_longest', 'has_explanation' ) as $key ) {
				$question['checks'][ $key ] = $c->bool( $checks[ $key ] ?? null, "{$path}.checks.{$key}" );
			}
		}
		return $question;
	}

	/**
	 * A task answer is one JSON object: its checked fields, or the error that it is not one.
	 *
	 * @param callable(Checker, array<string, mixed>): array<string, mixed> $fields_out
	 */
	private static function top_level( mixed $input, callable $fields_out ): Result {
		$c      = new Checker();
		$fields = $c->object( $input, '' );
		return Result::from( $c, null === $fields ? null : $fields_out( $c, $fields ) );
	}
}
