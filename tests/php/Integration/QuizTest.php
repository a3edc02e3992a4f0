<?php
/**
 * mpcc_generate_quiz (sources, the too-short check before any model call, options, cleaned questions)
 * and mpcc_create_quiz_from_lesson (placement after the lesson, orders shifted, none shared).
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Courses\CourseOutline;
use CoursesCopilot\Courses\SectionsTable;
use CoursesCopilot\Tests\Support\TestCase;

final class QuizTest extends TestCase {

	private static function lesson( string $title ): \WP_Post {
		return get_posts( array( 'post_type' => 'mpcs-lesson', 'title' => $title, 'numberposts' => 1 ) )[0];
	}

	public function test_questions_from_a_lesson_through_the_proxy(): void {
		$lesson   = self::lesson( 'Aperture and Depth of Field' );
		$response = $this->ajax( 'mpcc_generate_quiz', array( 'lesson_id' => $lesson->ID, 'options' => array( 'type' => 'multiple_choice', 'count' => 3, 'difficulty' => 'easy' ) ) );
		$this->assertSame( 200, $response->status, $response->body );
		$data = $response->data();
		$this->assertSame( array( 'questions', 'total', 'type', 'quality_score', 'demo' ), array_keys( $data ) );
		$this->assertSame( count( $data['questions'] ), $data['total'] );
		$this->assertGreaterThan( 0, $data['total'] );
		$body = $this->proxy_requests[0]['body'];
		$this->assertStringStartsWith( 'The aperture is the opening in the lens', $body['content'] );
		$this->assertStringNotContainsString( '<', $body['content'] );
		$this->assertSame( array( 'type' => 'multiple_choice', 'count' => 3, 'difficulty' => 'easy' ), $body['options'] );
	}

	public function test_a_course_sends_its_lessons_in_section_and_lesson_order(): void {
		global $wpdb;
		$course = wp_insert_post( array( 'post_type' => 'mpcs-course', 'post_status' => 'draft', 'post_title' => 'Ordered' ) );
		$first  = $this->section( $course, 'First', 0 );
		$second = $this->section( $course, 'Second', 1 );
		// Inserted out of order on purpose: section 2 first, and lesson order against id order.
		$this->lesson_in( $second, 1, 'Gamma', 'Gamma explains the third idea in detail, with an example that a beginner can follow at home. It has several sentences. Each one is useful.' );
		$this->lesson_in( $first, 2, 'Beta', 'Beta explains the second idea in detail, with an example that a beginner can follow at home. It has several sentences. Each one is useful.' );
		$this->lesson_in( $first, 1, 'Alpha', 'Alpha explains the first idea in detail, with an example that a beginner can follow at home. It has several sentences. Each one is useful.' );
		$this->fake_proxy( array( self::class, 'canned_reply' ) );
		$response = $this->ajax( 'mpcc_generate_quiz', array( 'course_id' => $course ) );
		$this->assertSame( 200, $response->status, $response->body );
		$content = $this->proxy_requests[0]['body']['content'];
		$this->assertMatchesRegularExpression( '/^Alpha\n\nAlpha explains.*\n\nBeta\n\nBeta explains.*\n\nGamma\n\nGamma explains/s', $content );
		$this->assertSame( array( 'type' => 'multiple_choice', 'count' => 5, 'difficulty' => 'medium' ), $this->proxy_requests[0]['body']['options'] );
		unset( $wpdb );
	}

	public function test_too_little_content_is_422_with_a_suggestion_before_any_model_call(): void {
		$short = wp_insert_post( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'draft', 'post_title' => 'Stub', 'post_content' => '<!-- wp:paragraph --><p>Coming soon. More later.</p><!-- /wp:paragraph -->' ) );
		foreach ( array( array( 'lesson_id' => $short ), array( 'content' => str_repeat( 'word ', 80 ) ), array( 'content' => 'Too short.' ) ) as $fields ) {
			$response = $this->ajax( 'mpcc_generate_quiz', $fields );
			$this->assertSame( 422, $response->status, $response->body );
			$this->assertSame( 'mpcc_content_too_short', $response->code() );
			$this->assertStringContainsString( 'sentences', $response->data()['suggestion'] );
		}
		$this->assertSame( array(), $this->proxy_requests );
	}

	public function test_invalid_options_and_sources(): void {
		$lesson = self::lesson( 'The Rule of Thirds' );
		foreach ( array( array( 'count' => 21 ), array( 'count' => 0 ), array( 'type' => 'essay' ), array( 'difficulty' => 'extreme' ) ) as $options ) {
			$this->assertSame( 400, $this->ajax( 'mpcc_generate_quiz', array( 'lesson_id' => $lesson->ID, 'options' => $options ) )->status );
		}
		$this->assertSame( 400, $this->ajax( 'mpcc_generate_quiz', array() )->status );
		$this->assertSame( 404, $this->ajax( 'mpcc_generate_quiz', array( 'lesson_id' => (int) self::demo()['course_id'] ) )->status, 'a course is not a lesson' );
		$this->assertSame( array(), $this->proxy_requests );
	}

	public function test_the_replaced_plugins_option_names_are_read_as_ours(): void {
		$lesson   = self::lesson( 'Aperture and Depth of Field' );
		$response = $this->ajax( 'mpcc_generate_quiz', array( 'lesson_id' => $lesson->ID, 'options' => array( 'question_type' => 'true_false', 'num_questions' => 4, 'custom_prompt' => 'Focus on f-numbers.' ) ) );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertSame( 4, $response->data()['total'] );
		$this->assertCount( 4, $response->data()['questions'] );
		$this->assertSame( 'true_false', $response->data()['type'] );
		$this->assertSame( array( 'type' => 'true_false', 'count' => 4, 'difficulty' => 'medium', 'instructions' => 'Focus on f-numbers.' ), $this->proxy_requests[0]['body']['options'] );
	}

	public function test_num_questions_defaults_to_10_and_is_clamped_to_1_to_20(): void {
		$lesson = self::lesson( 'Aperture and Depth of Field' );
		$this->fake_proxy( static fn( string $route, array $body ) => self::canned_reply( $route, $body ) );
		foreach ( array( array( array( 'question_type' => 'multiple_choice' ), 10 ), array( array( 'num_questions' => 99 ), 20 ), array( array( 'num_questions' => 0 ), 1 ), array( array( 'num_questions' => '7' ), 7 ) ) as list( $options, $count ) ) {
			$this->proxy_requests = array();
			$response             = $this->ajax( 'mpcc_generate_quiz', array( 'lesson_id' => $lesson->ID, 'options' => $options ) );
			$this->assertSame( 200, $response->status, $response->body );
			$this->assertSame( $count, $this->proxy_requests[0]['body']['options']['count'], wp_json_encode( $options ) );
		}
	}

	public function test_an_unknown_option_is_a_400_naming_it_before_any_model_call(): void {
		$lesson = self::lesson( 'Aperture and Depth of Field' );
		foreach ( array( array( 'bogus' => 1 ), array( 'count' => 3, 'bogus' => 1 ) ) as $options ) {
			$response = $this->ajax( 'mpcc_generate_quiz', array( 'lesson_id' => $lesson->ID, 'options' => $options ) );
			$this->assertSame( 400, $response->status, $response->body );
			$this->assertSame( 'mpcc_invalid_parameter', $response->data()['code'] );
			$this->assertStringContainsString( '"bogus"', $response->data()['message'] );
			$this->assertSame( array( 'options.bogus: unknown field' ), $response->data()['errors'] );
		}
		// The old name and ours together: the old one is not read, so it is unknown.
		$both = $this->ajax( 'mpcc_generate_quiz', array( 'lesson_id' => $lesson->ID, 'options' => array( 'count' => 3, 'num_questions' => 4 ) ) );
		$this->assertSame( 400, $both->status, $both->body );
		$this->assertStringContainsString( '"num_questions"', $both->data()['message'] );
		$this->assertSame( array(), $this->proxy_requests );
	}

	public function test_malformed_questions_are_dropped_and_the_rest_made_inert(): void {
		$good = array( 'type' => 'true_false', 'question' => '<script>x()</script>Is f/11 narrow?', 'options' => array(), 'correct_answer' => 'true', 'explanation' => '<img src=x onerror=alert(1)>Yes.', 'difficulty' => 'easy', 'points' => 1 );
		$bad  = array_merge( $good, array( 'correct_answer' => 'maybe' ) );
		$this->fake_proxy( static fn() => array( 200, array( 'questions' => array( $good, $bad ), 'total' => 2, 'type' => 'true_false', 'quality_score' => 50, 'demo' => false ) ) );
		$response = $this->ajax( 'mpcc_generate_quiz', array( 'content' => str_repeat( 'The aperture is the opening in the lens that lets light in. ', 6 ), 'options' => array( 'type' => 'true_false', 'count' => 2 ) ) );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertSame( 1, $response->data()['total'] );
		$this->assertSame( 'Is f/11 narrow?', $response->data()['questions'][0]['question'] );
		$this->assertSame( 'Yes.', $response->data()['questions'][0]['explanation'] );
	}

	public function test_generating_again_flags_the_questions_the_quiz_already_has(): void {
		$lesson  = self::lesson( 'Aperture and Depth of Field' );
		$options = array( 'type' => 'multiple_choice', 'count' => 3, 'difficulty' => 'easy' );
		$first   = $this->ajax( 'mpcc_generate_quiz', array( 'lesson_id' => $lesson->ID, 'options' => $options ) )->data();
		$asked   = array_column( $first['questions'], 'question' );
		$this->assertNotContains( true, array_column( array_column( $first['questions'], 'checks' ), 'duplicate' ) );

		$again = $this->ajax( 'mpcc_generate_quiz', array( 'lesson_id' => $lesson->ID, 'options' => $options, 'existing_questions' => $asked ) );
		$this->assertSame( 200, $again->status, $again->body );
		$this->assertSame( $asked, end( $this->proxy_requests )['body']['existing_questions'] );
		$this->assertSame( array_fill( 0, count( $asked ), true ), array_column( array_column( $again->data()['questions'], 'checks' ), 'duplicate' ) );
	}

	public function test_existing_questions_must_be_a_short_list_of_texts(): void {
		$lesson = self::lesson( 'The Rule of Thirds' );
		foreach ( array( array( 'a' => 'b' ), array( 42 ), array( str_repeat( 'x', 2001 ) ), array_fill( 0, 101, 'Q?' ) ) as $existing ) {
			$response = $this->ajax( 'mpcc_generate_quiz', array( 'lesson_id' => $lesson->ID, 'existing_questions' => $existing ) );
			$this->assertSame( 400, $response->status, $response->body );
			$this->assertSame( 'mpcc_invalid_parameter', $response->code() );
		}
		$this->assertSame( array(), $this->proxy_requests );
	}

	public function test_streaming_relays_questions_one_by_one(): void {
		$lesson   = self::lesson( 'Aperture and Depth of Field' );
		$response = $this->ajax( 'mpcc_generate_quiz', array( 'lesson_id' => $lesson->ID, 'options' => array( 'count' => 2 ), 'stream' => '1' ) );
		$this->assertSame( 200, $response->status, $response->body );
		$names = $response->event_names();
		$this->assertContains( 'questions', $names, $response->body );
		$this->assertSame( 'done', end( $names ) );
	}

	public function test_create_quiz_from_lesson_places_it_after_the_lesson_and_shifts_the_rest(): void {
		$course  = wp_insert_post( array( 'post_type' => 'mpcs-course', 'post_status' => 'draft', 'post_title' => 'Placement' ) );
		$section = $this->section( $course, 'Only', 0 );
		$a       = $this->lesson_in( $section, 1, 'A', self::ENOUGH );
		$b       = $this->lesson_in( $section, 2, 'B', 'b' );
		$quiz    = wp_insert_post( array( 'post_type' => 'mpcs-quiz', 'post_status' => 'draft', 'post_title' => 'Old quiz' ) );
		update_post_meta( $quiz, '_mpcs_lesson_section_id', $section );
		update_post_meta( $quiz, '_mpcs_lesson_lesson_order', 3 );
		$c = $this->lesson_in( $section, 3, 'C (shares order 3 with the old quiz)', self::ENOUGH );

		$response = $this->ajax( 'mpcc_create_quiz_from_lesson', array( 'lesson_id' => $a ), 'editor' );
		$this->assertSame( 200, $response->status, $response->body );
		$new = $response->data()['quiz_id'];
		$this->assertStringContainsString( "post.php?post={$new}&action=edit", $response->data()['edit_url'] );
		$this->assertSame( 'mpcs-quiz', get_post( $new )->post_type );
		$this->assertSame( 'draft', get_post( $new )->post_status );
		$this->assertSame( 'Quiz: A', get_post( $new )->post_title );

		$items  = CourseOutline::items( $section, array( 'mpcs-lesson', 'mpcs-quiz' ) );
		$orders = array_map( static fn( $p ) => CourseOutline::order( $p->ID ), $items );
		$this->assertSame( array( $a, $new, $b, $quiz, $c ), array_map( static fn( $p ) => $p->ID, $items ) );
		$this->assertSame( array( 1, 2, 3, 4, 5 ), $orders );
		$this->assertSame( count( $orders ), count( array_unique( $orders ) ), 'no two items share an order' );

		// The last lesson: the quiz goes at the end.
		$last = $this->ajax( 'mpcc_create_quiz_from_lesson', array( 'lesson_id' => $c ) )->data()['quiz_id'];
		$this->assertSame( 6, CourseOutline::order( $last ) );
		$this->assertSame( $section, CourseOutline::section_id( $last ) );
	}

	public function test_a_lesson_or_course_too_short_to_quiz_from_gets_the_reason_and_no_empty_quiz(): void {
		$course  = wp_insert_post( array( 'post_type' => 'mpcs-course', 'post_status' => 'draft', 'post_title' => 'Barely begun' ) );
		$section = $this->section( $course, 'Only', 0 );
		$lesson  = $this->lesson_in( $section, 1, 'Stub', 'To be written.' );
		$posts   = self::count_rows( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->posts}" );
		foreach ( array( array( 'mpcc_create_quiz_from_lesson', 'lesson_id', $lesson ), array( 'mpcc_create_quiz_for_course', 'course_id', $course ) ) as list( $action, $field, $id ) ) {
			$response = $this->ajax( $action, array( $field => $id ) );
			$this->assertSame( 422, $response->status, $response->body );
			$this->assertSame( 'mpcc_content_too_short', $response->code() );
			$this->assertStringContainsString( 'Add at least 50 words', $response->data()['suggestion'] );
		}
		$this->assertSame( $posts, self::count_rows( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->posts}" ), 'no quiz draft left behind' );
		$this->assertSame( array(), $this->proxy_requests );
	}

	public function test_create_quiz_refuses_what_is_not_a_lesson(): void {
		$this->assertSame( 400, $this->ajax( 'mpcc_create_quiz_from_lesson', array( 'lesson_id' => 'abc' ) )->status );
		$this->assertSame( 404, $this->ajax( 'mpcc_create_quiz_from_lesson', array( 'lesson_id' => (int) self::demo()['course_id'] ) )->status );
	}

	public function test_create_quiz_for_course_places_it_after_the_last_lesson_of_the_last_section(): void {
		$course = wp_insert_post( array( 'post_type' => 'mpcs-course', 'post_status' => 'draft', 'post_title' => 'Whole course' ) );
		$first  = $this->section( $course, 'First', 0 );
		$second = $this->section( $course, 'Second', 1 );
		$this->section( $course, 'Empty at the end', 2 );
		$this->lesson_in( $first, 1, 'A', self::ENOUGH );
		$b    = $this->lesson_in( $second, 1, 'B', 'b' );
		$c    = $this->lesson_in( $second, 2, 'C', 'c' );

		$response = $this->ajax( 'mpcc_create_quiz_for_course', array( 'course_id' => $course ), 'editor' );
		$this->assertSame( 200, $response->status, $response->body );
		$quiz = $response->data()['quiz_id'];
		$this->assertSame( 'Quiz: Whole course', get_post( $quiz )->post_title );
		$this->assertSame( 'draft', get_post( $quiz )->post_status );
		$this->assertSame( array( $b, $c, $quiz ), array_map( static fn( $p ) => $p->ID, CourseOutline::items( $second, array( 'mpcs-lesson', 'mpcs-quiz' ) ) ) );
		$this->assertSame( 3, CourseOutline::order( $quiz ) );
	}

	public function test_create_quiz_for_course_refuses_a_course_without_lessons_and_what_is_not_a_course(): void {
		$empty    = wp_insert_post( array( 'post_type' => 'mpcs-course', 'post_status' => 'draft', 'post_title' => 'Nothing yet' ) );
		$posts    = self::count_rows( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->posts}" );
		$response = $this->ajax( 'mpcc_create_quiz_for_course', array( 'course_id' => $empty ) );
		$this->assertSame( 400, $response->status );
		$this->assertSame( 'mpcc_invalid_parameter', $response->code() );
		$this->assertStringContainsString( 'no lessons', $response->data()['message'] );
		$this->assertSame( $posts, self::count_rows( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->posts}" ) );
		$this->assertSame( 404, $this->ajax( 'mpcc_create_quiz_for_course', array( 'course_id' => self::lesson( 'The Rule of Thirds' )->ID ) )->status );
	}

	public function test_our_question_blocks_stay_usable_but_leave_the_inserter_when_memberpress_courses_brings_its_own(): void {
		$registry = \WP_Block_Type_Registry::get_instance();
		$ours     = 'courses-copilot/true-false-question';
		$theirs   = 'memberpress-courses/true-false-question';
		$registry->unregister( $ours );
		register_block_type( $theirs, array( 'render_callback' => static fn() => '' ) );
		try {
			$this->assertContains( $ours, \CoursesCopilot\Blocks\QuestionBlocks::register_blocks() );
			$type = $registry->get_registered( $ours );
			$this->assertFalse( $type->supports['inserter'] ?? null, 'not offered twice' );
			$html = do_blocks( '<!-- wp:courses-copilot/true-false-question {"question":"Is f/11 narrow?","options":["True","False"],"correctAnswer":"true"} /-->' );
			$this->assertStringContainsString( 'Is f/11 narrow?', $html, 'a quiz written with ours still renders' );
		} finally {
			$registry->unregister( $theirs );
			$registry->unregister( $ours );
			\CoursesCopilot\Blocks\QuestionBlocks::register_blocks();
		}
		$this->assertTrue( $registry->get_registered( $ours )->supports['inserter'] ?? true, 'alone, ours is in the inserter' );
	}

	private function section( int $course, string $title, int $order ): int {
		global $wpdb;
		$wpdb->insert( SectionsTable::name(), array( 'title' => $title, 'description' => '', 'course_id' => $course, 'section_order' => $order, 'created_at' => current_time( 'mysql' ), 'uuid' => wp_generate_uuid4() ) );
		return (int) $wpdb->insert_id;
	}

	/** A lesson text long enough to write questions from (ContentCheck's minimum). */
	private const ENOUGH = 'Aperture is the opening in the lens that lets light reach the sensor. A wide aperture lets in more light and blurs the background, which isolates the subject. A narrow aperture keeps more of the scene sharp, from the nearest flower to the far hills. Photographers choose it together with shutter speed and ISO to reach the exposure they want.';

	private function lesson_in( int $section, int $order, string $title, string $text ): int {
		$id = wp_insert_post( array( 'post_type' => 'mpcs-lesson', 'post_status' => 'publish', 'post_title' => $title, 'post_content' => "<!-- wp:paragraph -->\n<p>{$text}</p>\n<!-- /wp:paragraph -->" ) );
		update_post_meta( $id, '_mpcs_lesson_section_id', $section );
		update_post_meta( $id, '_mpcs_lesson_lesson_order', $order );
		return $id;
	}
}
