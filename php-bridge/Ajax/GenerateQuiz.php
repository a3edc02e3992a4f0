<?php
/**
 * mpcc_generate_quiz: questions from pasted content, a lesson, or a course (its lessons in order).
 * The text is stripped of markup and checked for length before any model call. Each question the
 * proxy returns is validated on its own; a malformed one is dropped, the rest are cleaned of markup.
 *
 * In: lesson_id | course_id | content, options (JSON {type, count 1–20, difficulty, instructions?}; the replaced
 * plugin's question_type / num_questions (clamped to 1–20, default 10) / custom_prompt are read as those; any other
 * key is a 400 naming it),
 *     existing_questions? (JSON list of the quiz's question texts: new questions that repeat one are
 *     flagged checks.duplicate), stream?.
 * Out: {questions[], total, type, quality_score, demo}.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Errors\DomainError;

use CoursesCopilot\Courses\PostTypes;
use CoursesCopilot\Proxy\ProviderInfo;
use CoursesCopilot\Proxy\ProxyClient;
use CoursesCopilot\Proxy\TaskCall;
use CoursesCopilot\Quiz\ContentCheck;
use CoursesCopilot\Quiz\QuizSource;
use CoursesCopilot\Validation\ModelOutput;
use CoursesCopilot\Validation\QuizShape;
use CoursesCopilot\Validation\TaskResponseShape;

final class GenerateQuiz {

	/** @return array<string, mixed>|\Closure */
	public static function run( Permission $permission ): array|\Closure {
		$lesson_id = Request::int( 'lesson_id' );
		$course_id = Request::int( 'course_id' );
		$pasted    = Request::has( 'content' ) ? Request::raw( 'content' ) : null;
		if ( $lesson_id <= 0 && $course_id <= 0 && null === $pasted ) {
			throw DomainError::invalid_parameter( __( 'Choose a lesson or a course, or paste some content.', 'courses-copilot' ) );
		}
		if ( null !== $pasted && strlen( $pasted ) > 4 * QuizSource::MAX_LENGTH ) {
			throw DomainError::payload_too_large();
		}
		$input   = QuizShape::canonical_options( Request::json( 'options', 65536 ) ?? new \stdClass() );
		$options = QuizShape::validate_options( $input );
		if ( ! $options->ok() ) {
			throw new DomainError( 'mpcc_invalid_parameter', __( 'The quiz options are not valid (1 to 20 questions of a known type and difficulty).', 'courses-copilot' ), array( 'errors' => $options->errors ) );
		}
		JsonInput::refuse_unknown_keys( 'options', $input, $options );
		$existing = QuizShape::validate_existing_questions( Request::json( 'existing_questions', 262144 ) ?? array() );
		if ( ! $existing->ok() ) {
			throw new DomainError( 'mpcc_invalid_parameter', __( 'The quiz’s existing questions could not be read (at most 100 texts of up to 2000 characters).', 'courses-copilot' ), array( 'errors' => array_slice( $existing->errors, 0, 10 ) ) );
		}
		$stream = Request::flag( 'stream' );
		$permission->check();
		if ( $lesson_id > 0 ) {
			Guard::can( 'edit_post', $lesson_id );
			$text = QuizSource::from_post( Owned::post( $lesson_id, array( PostTypes::LESSON ) ) );
		} elseif ( $course_id > 0 ) {
			Guard::can( 'edit_post', $course_id );
			Owned::post( $course_id, array( PostTypes::COURSE ) );
			$text = QuizSource::from_course( $course_id );
		} else {
			$text = QuizSource::plain( (string) $pasted );
		}
		ContentCheck::require_enough( $text );

		$body = array( 'content' => $text, 'options' => $options->value );
		if ( array() !== $existing->value ) {
			$body['existing_questions'] = array_map( 'sanitize_text_field', $existing->value );
		}
		return TaskCall::answer( $stream, ProxyClient::QUIZ, $body, self::stream_event( ... ), self::finish( ... ) );
	}

	public static function stream_event( string $event, mixed $data ): ?array {
		if ( 'questions' === $event && is_object( $data ) && is_array( $data->questions ?? null ) ) {
			return array( 'questions' => self::clean_questions( $data->questions ), 'index' => is_int( $data->index ?? null ) ? $data->index : 0 );
		}
		return null;
	}

	/** @return array<string, mixed> */
	public static function finish( mixed $response ): array {
		list( $questions, $rest ) = TaskCall::take_list( $response, 'questions', self::clean_questions( ... ) );
		$quiz                     = TaskCall::valid( TaskResponseShape::quiz( $rest ), 'quiz' );
		ProviderInfo::observe_reply( (bool) $quiz['demo'] );
		return array(
			'questions'     => $questions,
			'total'         => count( $questions ),
			'type'          => sanitize_key( (string) $quiz['type'] ),
			'quality_score' => $quiz['quality_score'],
			'demo'          => (bool) $quiz['demo'],
		);
	}

	/**
	 * @param array<int, mixed> $questions
	 * @return array<int, array<string, mixed>>
	 */
	private static function clean_questions( array $questions ): array {
		return array_map( ModelOutput::question( ... ), TaskCall::valid_items( $questions, 20, TaskResponseShape::quiz_question( ... ) ) );
	}
}
