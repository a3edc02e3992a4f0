<?php
/**
 * The PHP validator on tests/fixtures/schemas: the same files src/schemas/test/fixtures.test.ts runs
 * through zod, so the bridge and the proxy accept and refuse the same things.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Unit;

use CoursesCopilot\Validation\ConversationShape;
use CoursesCopilot\Validation\CourseDraftShape;
use CoursesCopilot\Validation\CourseShape;
use CoursesCopilot\Validation\QuizShape;
use CoursesCopilot\Validation\Result;
use CoursesCopilot\Validation\SuggestionShape;
use CoursesCopilot\Validation\TaskResponseShape;
use PHPUnit\Framework\TestCase;

final class ValidatorFixturesTest extends TestCase {

	private const DIR = __DIR__ . '/../../fixtures/schemas';

	/** @return array<string, callable(mixed): Result> */
	private static function validators(): array {
		return array(
			'course-structure'        => array( CourseShape::class, 'validate' ),
			'course-draft'            => array( CourseDraftShape::class, 'validate' ),
			'chat-message'            => array( ConversationShape::class, 'validate_message' ),
			'quiz-question'           => array( QuizShape::class, 'validate_question' ),
			'quiz-options'            => array( QuizShape::class, 'validate_options' ),
			'editor-suggestion'       => array( SuggestionShape::class, 'validate' ),
			'course-turn-response'    => array( TaskResponseShape::class, 'course_turn' ),
			'lesson-content-response' => array( TaskResponseShape::class, 'lesson_content' ),
			'editor-assist-response'  => array( TaskResponseShape::class, 'editor_assist' ),
			'quiz-response'           => array( TaskResponseShape::class, 'quiz' ),
		);
	}

	/** @return array<string, array{0: string, 1: string, 2: string}> */
	public static function fixtures(): array {
		$cases = array();
		foreach ( glob( self::DIR . '/*/{valid,invalid}/*.json', GLOB_BRACE ) ?: array() as $file ) {
			$kind  = basename( dirname( $file ) );
			$shape = basename( dirname( $file, 2 ) );
			$cases[ "{$shape}/{$kind}/" . basename( $file ) ] = array( $shape, $kind, $file );
		}
		return $cases;
	}

	public function test_every_fixture_folder_has_a_validator_and_both_kinds(): void {
		$folders = array_map( 'basename', glob( self::DIR . '/*', GLOB_ONLYDIR ) ?: array() );
		sort( $folders );
		$known = array_keys( self::validators() );
		sort( $known );
		$this->assertSame( $known, $folders );
		foreach ( $folders as $shape ) {
			$this->assertNotEmpty( glob( self::DIR . "/{$shape}/valid/*.json" ), "{$shape} has no valid fixtures" );
			$this->assertNotEmpty( glob( self::DIR . "/{$shape}/invalid/*.json" ), "{$shape} has no invalid fixtures" );
		}
		$this->assertGreaterThan( 60, count( self::fixtures() ) );
	}

	/** @dataProvider fixtures */
	public function test_fixture( string $shape, string $kind, string $file ): void {
		// Decoded the way the bridge decodes request fields and proxy answers: objects stay objects.
		$input  = json_decode( (string) file_get_contents( $file ), false, 512, JSON_THROW_ON_ERROR );
		$result = call_user_func( self::validators()[ $shape ], $input );
		if ( 'valid' === $kind ) {
			$this->assertSame( array(), $result->errors, basename( $file ) );
			$this->assertTrue( $result->ok() );
			$this->assertIsArray( $result->value );
		} else {
			$this->assertFalse( $result->ok(), basename( $file ) . ' should be refused' );
			$this->assertNotEmpty( $result->errors );
		}
	}

	public function test_unknown_keys_are_dropped_and_defaults_filled(): void {
		$result = CourseShape::validate( json_decode( '{"title":" T ","description":"","sections":[],"evil":"<script>"}' ) );
		$this->assertSame( array( 'title' => 'T', 'description' => '', 'sections' => array() ), $result->value );
		$options = QuizShape::validate_options( json_decode( '{}' ) );
		$this->assertSame( array( 'type' => 'multiple_choice', 'count' => 5, 'difficulty' => 'medium' ), $options->value );
	}

	public function test_lengths_count_like_javascript(): void {
		// "😀" is one code point but two UTF-16 units, as zod's max() counts it.
		$title = str_repeat( '😀', 100 ); // 200 units: allowed.
		$this->assertTrue( CourseShape::validate( json_decode( wp_json_encode( array( 'title' => $title, 'description' => '', 'sections' => array() ) ) ) )->ok() );
		$title .= 'x'; // 201 units.
		$this->assertFalse( CourseShape::validate( json_decode( wp_json_encode( array( 'title' => $title, 'description' => '', 'sections' => array() ) ) ) )->ok() );
	}
}
