<?php
/**
 * Quiz questions and quiz options (src/schemas/quiz.ts), including the question's cross-field
 * rules (answers among the options, one answer for multiple choice, "true"/"false").
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Validation;

defined( 'ABSPATH' ) || exit;

final class QuizShape {

	public const TYPES        = array( 'multiple_choice', 'true_false', 'multiple_answer', 'short_answer' );
	public const DIFFICULTIES = array( 'easy', 'medium', 'hard' );
	public const MAX_EXISTING = 100;

	/** The option names of the plugin this one replaces, read as ours (issue 13). */
	public const OPTION_ALIASES = array(
		'question_type' => 'type',
		'num_questions' => 'count',
		'custom_prompt' => 'instructions',
	);
	/** What that plugin did with num_questions: 10 when absent, clamped to 1–20 (our `count` is strict). */
	public const ALIAS_DEFAULT_COUNT = 10;
	public const MAX_COUNT           = 20;

	public static function validate_question( mixed $input ): Result {
		$checker = new Checker();
		return Result::from( $checker, self::question( $checker, $input, '' ) );
	}

	public static function validate_options( mixed $input ): Result {
		$checker = new Checker();
		return Result::from( $checker, self::options( $checker, $input, '' ) );
	}

	/** QuizRequestSchema.existing_questions: the texts of the questions a quiz already has. */
	public static function validate_existing_questions( mixed $input ): Result {
		$checker = new Checker();
		$texts   = array();
		foreach ( $checker->list( $input, 'existing_questions', 0, self::MAX_EXISTING ) ?? array() as $i => $text ) {
			$texts[] = $checker->string( $text, "existing_questions.{$i}", 0, 2000 );
		}
		return Result::from( $checker, $texts );
	}

	/** @return array<string, mixed>|null */
	public static function question( Checker $c, mixed $input, string $path ): ?array {
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$before  = $c->count();
		$at      = static fn( string $key ): string => Optional::join( $path, $key );
		$options = array();
		foreach ( $c->list( $fields['options'] ?? null, $at( 'options' ), 0, 8 ) ?? array() as $i => $option ) {
			$options[] = $c->string( $option, $at( "options.{$i}" ), 1, 500, true );
		}
		$out = array(
			'type'           => $c->enum( $fields['type'] ?? null, $at( 'type' ), self::TYPES ),
			'question'       => $c->string( $fields['question'] ?? null, $at( 'question' ), 1, 2000, true ),
			'options'        => $options,
			'correct_answer' => self::answer( $c, $fields['correct_answer'] ?? null, $at( 'correct_answer' ) ),
			'explanation'    => $c->string( $fields['explanation'] ?? null, $at( 'explanation' ), 0, 2000 ),
			'difficulty'     => $c->enum( $fields['difficulty'] ?? null, $at( 'difficulty' ), self::DIFFICULTIES ),
			'points'         => $c->int( $fields['points'] ?? null, $at( 'points' ), 1, 100 ),
		);
		Optional::field( $fields, $out, 'source_excerpt', $path, static fn( $v, $p ) => $c->string( $v, $p, 0, 1000 ) );
		if ( $c->count() === $before ) {
			self::refine( $c, $out, $path );
		}
		return $out;
	}

	/** @return string|array<int, string>|null */
	private static function answer( Checker $c, mixed $value, string $path ): string|array|null {
		if ( is_array( $value ) ) {
			$answers = array();
			foreach ( $c->list( $value, $path, 1, 8 ) ?? array() as $i => $answer ) {
				$answers[] = $c->string( $answer, "{$path}.{$i}", 1, 500, true );
			}
			return $answers;
		}
		if ( ! is_string( $value ) ) {
			$c->add( $path, 'expected a string or an array of strings' );
			return null;
		}
		return $c->string( $value, $path, 1, 500, true );
	}

	/** The superRefine of QuizQuestionSchema. @param array<string, mixed> $q */
	private static function refine( Checker $c, array $q, string $path ): void {
		$answers = is_array( $q['correct_answer'] ) ? $q['correct_answer'] : array( $q['correct_answer'] );
		if ( in_array( $q['type'], array( 'multiple_choice', 'multiple_answer' ), true ) ) {
			foreach ( self::repeated_option_indexes( $q['options'] ) as $index ) {
				$c->add( Optional::join( $path, "options.{$index}" ), 'options must be different from each other' );
			}
			if ( count( $q['options'] ) < 2 ) {
				$c->add( Optional::join( $path, 'options' ), 'needs at least two options' );
			}
			foreach ( $answers as $answer ) {
				if ( ! in_array( $answer, $q['options'], true ) ) {
					$c->add( Optional::join( $path, 'correct_answer' ), 'correct answer is not one of the options' );
				}
			}
			if ( 'multiple_choice' === $q['type'] && 1 !== count( $answers ) ) {
				$c->add( Optional::join( $path, 'correct_answer' ), 'multiple choice has exactly one correct answer' );
			}
		}
		if ( 'true_false' === $q['type'] && ( 1 !== count( $answers ) || ! in_array( $answers[0], array( 'true', 'false' ), true ) ) ) {
			$c->add( Optional::join( $path, 'correct_answer' ), 'true/false answer must be "true" or "false"' );
		}
	}

	/**
	 * Options with the old names turned into ours, before validation: question_type → type,
	 * num_questions → count (clamped, 10 when only old names are used), custom_prompt → instructions.
	 * A name given both ways is left as is, so the validator reports it.
	 */
	public static function canonical_options( mixed $input ): mixed {
		if ( ! $input instanceof \stdClass ) {
			return $input;
		}
		$fields   = get_object_vars( $input );
		$aliased  = false;
		foreach ( self::OPTION_ALIASES as $alias => $key ) {
			if ( ! array_key_exists( $alias, $fields ) || array_key_exists( $key, $fields ) ) {
				continue;
			}
			$value = $fields[ $alias ];
			if ( 'count' === $key && ( is_int( $value ) || ( is_string( $value ) && preg_match( '/^\d{1,9}$/', $value ) ) ) ) {
				$value = max( 1, min( self::MAX_COUNT, (int) $value ) );
			}
			$fields[ $key ] = $value;
			unset( $fields[ $alias ] );
			$aliased = true;
		}
		if ( $aliased && ! array_key_exists( 'count', $fields ) ) {
			$fields['count'] = self::ALIAS_DEFAULT_COUNT;
		}
		return (object) $fields;
	}

	/**
	 * Options that repeat an earlier one, compared trimmed and case-insensitively (repeatedOptionIndexes in src/schemas/quiz.ts).
	 *
	 * @param array<int, mixed> $options
	 * @return array<int, int>
	 */
	public static function repeated_option_indexes( array $options ): array {
		$seen     = array();
		$repeated = array();
		foreach ( $options as $index => $option ) {
			$key = mb_strtolower( trim( (string) $option ) );
			if ( '' !== $key && isset( $seen[ $key ] ) ) {
				$repeated[] = $index;
			}
			$seen[ $key ] = true;
		}
		return $repeated;
	}

	/** QuizOptionsSchema, defaults filled in. @return array<string, mixed>|null */
	public static function options( Checker $c, mixed $input, string $path ): ?array {
		$fields = $c->object( $input, $path );
		if ( null === $fields ) {
			return null;
		}
		$at  = static fn( string $key ): string => Optional::join( $path, $key );
		$out = array(
			'type'       => array_key_exists( 'type', $fields ) ? $c->enum( $fields['type'], $at( 'type' ), self::TYPES ) : 'multiple_choice',
			'count'      => array_key_exists( 'count', $fields ) ? $c->int( $fields['count'], $at( 'count' ), 1, 20 ) : 5,
			'difficulty' => array_key_exists( 'difficulty', $fields ) ? $c->enum( $fields['difficulty'], $at( 'difficulty' ), self::DIFFICULTIES ) : 'medium',
		);
		Optional::field( $fields, $out, 'instructions', $path, static fn( $v, $p ) => $c->string( $v, $p, 0, 2000 ) );
		return $out;
	}
}
