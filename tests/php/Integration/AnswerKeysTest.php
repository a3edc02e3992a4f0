<?php
/**
 * A quiz's answer key (issue 12, findings 5 and 6): a user who may not edit a quiz reads no answers
 * from the REST list with context=edit, kses keeps a question block whole when its text holds a
 * raw `<` (the saved quiz still has its question and its answer, and learners see no answer), and
 * model-written lesson content never carries question blocks.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Tests\Support\TestCase;

final class AnswerKeysTest extends TestCase {

	private const ANSWER      = 'Blurs the background';
	private const EXPLANATION = 'A wide aperture gives a shallow depth of field.';

	private static function question_block( string $question = 'What does a wide aperture do?', string $explanation = self::EXPLANATION ): string {
		$attributes = array(
			'question'      => $question,
			'options'       => array( self::ANSWER, 'Freezes motion' ),
			'correctAnswer' => self::ANSWER,
			'explanation'   => $explanation,
			'sourceExcerpt' => 'From the aperture lesson.',
			'points'        => 2,
		);
		return '<!-- wp:courses-copilot/multiple-choice-question ' . wp_json_encode( $attributes, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . ' /-->';
	}

	/** @return array<int, array<string, mixed>> the REST list of quizzes with context=edit, as the user sees it */
	private function quiz_list( string $login ): array {
		$this->act_as( $login );
		$request = new \WP_REST_Request( 'GET', '/wp/v2/mpcs-quiz' );
		$request->set_query_params( array( 'context' => 'edit', 'per_page' => 100 ) );
		$response = rest_do_request( $request );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	public function test_a_contributor_reads_no_answers_from_the_rest_list_of_quizzes(): void {
		$this->act_as( null );
		$quiz = (int) wp_insert_post( wp_slash( array( 'post_type' => 'mpcs-quiz', 'post_status' => 'publish', 'post_author' => self::user_id( 'admin' ), 'post_title' => 'Admin Published Quiz', 'post_content' => self::question_block() ) ) );

		foreach ( array( 'contributor', 'author' ) as $login ) {
			$listed = array_values( array_filter( $this->quiz_list( $login ), static fn( $q ) => $q['id'] === $quiz ) );
			$this->assertCount( 1, $listed, "{$login} sees the published quiz" );
			$raw = $listed[0]['content']['raw'];
			$this->assertStringContainsString( 'What does a wide aperture do?', $raw, 'the question stays' );
			foreach ( array( 'correctAnswer', self::EXPLANATION, 'sourceExcerpt' ) as $secret ) {
				$this->assertStringNotContainsString( $secret, $raw, "{$login} reads {$secret}" );
			}
			$this->assertStringNotContainsString( self::EXPLANATION, $listed[0]['content']['rendered'] );
		}

		// Someone who may edit the quiz gets it whole.
		$listed = array_values( array_filter( $this->quiz_list( 'editor' ), static fn( $q ) => $q['id'] === $quiz ) );
		$this->assertStringContainsString( self::EXPLANATION, $listed[0]['content']['raw'] );
		$this->assertSame( self::ANSWER, parse_blocks( $listed[0]['content']['raw'] )[0]['attrs']['correctAnswer'] );
	}

	public function test_kses_keeps_a_question_with_a_raw_less_than_sign_whole(): void {
		// Saved over REST by an author, whose content kses filters (no unfiltered_html).
		$this->act_as( 'author' );
		$this->assertFalse( current_user_can( 'unfiltered_html' ) );
		$request = new \WP_REST_Request( 'POST', '/wp/v2/mpcs-quiz' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'title' => 'Comparisons', 'status' => 'draft', 'content' => self::question_block( 'Is 2 < 3?', 'Yes: 3 > 2, so 2 < 3.' ) ) ) );
		$response = rest_do_request( $request );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );

		$saved  = get_post( (int) $response->get_data()['id'] )->post_content;
		$blocks = array_values( array_filter( parse_blocks( $saved ), static fn( $b ) => null !== $b['blockName'] ) );
		$this->assertCount( 1, $blocks, $saved );
		$this->assertSame( 'courses-copilot/multiple-choice-question', $blocks[0]['blockName'] );
		// kses turns a lone < or > in an attribute into its entity (as for any block an author saves).
		$this->assertSame( 'Is 2 < 3?', html_entity_decode( $blocks[0]['attrs']['question'] ) );
		$this->assertSame( self::ANSWER, $blocks[0]['attrs']['correctAnswer'] );
		$this->assertSame( 'Yes: 3 > 2, so 2 < 3.', html_entity_decode( $blocks[0]['attrs']['explanation'] ) );

		// What learners get: the question, and no answer printed as text.
		$html = do_blocks( $saved );
		$this->assertStringContainsString( 'Is 2 &lt; 3?', $html );
		$this->assertStringNotContainsString( '3 &gt; 2', $html );
		$this->assertStringNotContainsString( '3 > 2', $html );
		$this->assertStringNotContainsString( 'correctAnswer', $html );
	}

	public function test_model_written_lesson_content_never_carries_question_blocks(): void {
		$session = $this->make_session( 'admin' );
		$this->fake_proxy(
			static fn( string $route ) => array(
				200,
				array(
					'content' => "<!-- wp:paragraph -->\n<p>Aperture is the opening in the lens.</p>\n<!-- /wp:paragraph -->\n\n" . self::question_block( 'Is f/2 < f/8?' ),
					'demo'    => true,
				),
			)
		);
		$response = $this->ajax( 'mpcc_generate_lesson_content', array( 'session_id' => $session, 'section_id' => 's1', 'lesson_id' => 's1l1' ) );
		$this->assertSame( 200, $response->status, $response->body );
		$content = $response->data()['content'];
		$this->assertStringContainsString( 'Aperture is the opening in the lens.', $content );
		$this->assertStringNotContainsString( 'question', $content );
		$this->assertStringNotContainsString( self::EXPLANATION, $content );
	}
}
