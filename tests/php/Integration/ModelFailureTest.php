<?php
/**
 * The proxy's typed model failures reach the author as their own codes (issue 13): a refusal as
 * mpcc_ai_refused with the model's words (plain text), a cut-off answer as mpcc_ai_output_truncated —
 * not as "the AI service is not available".
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Proxy\ProxyErrors;
use CoursesCopilot\Tests\Support\TestCase;

final class ModelFailureTest extends TestCase {

	private function quiz(): \CoursesCopilot\Tests\Support\AjaxResponse {
		return $this->ajax( 'mpcc_generate_quiz', array( 'content' => str_repeat( 'The aperture is the opening in the lens that lets light in. ', 6 ), 'options' => array( 'count' => 2 ) ) );
	}

	public function test_a_refusal_is_its_own_code_with_the_models_words(): void {
		$this->fake_proxy( static fn() => array( 422, array( 'error' => array( 'type' => 'refusal_error', 'code' => 'model_refused', 'message' => "I'm sorry, I can't help with <b>that</b>." ) ) ) );
		$response = $this->quiz();
		$this->assertSame( 422, $response->status, $response->body );
		$this->assertSame( 'mpcc_ai_refused', $response->data()['code'] );
		$this->assertSame( "I'm sorry, I can't help with that.", $response->data()['model_text'] );
		$this->assertStringContainsString( "I'm sorry, I can't help with that.", $response->data()['message'] );
	}

	public function test_a_cut_off_answer_says_so(): void {
		$this->fake_proxy( static fn() => array( 502, array( 'error' => array( 'type' => 'upstream_error', 'code' => 'output_truncated', 'message' => 'the answer was cut off' ) ) ) );
		$response = $this->quiz();
		$this->assertSame( 502, $response->status, $response->body );
		$this->assertSame( 'mpcc_ai_output_truncated', $response->data()['code'] );
	}

	public function test_other_proxy_failures_keep_their_codes(): void {
		$this->fake_proxy( static fn() => array( 502, array( 'error' => array( 'type' => 'upstream_error', 'code' => 'invalid_model_output', 'message' => 'invalid twice' ) ) ) );
		$this->assertSame( 'mpcc_ai_service_error', $this->quiz()->data()['code'] );
	}

	public function test_the_same_inside_a_stream(): void {
		$refused = ProxyErrors::from_stream_event( json_decode( '{"error":{"type":"refusal_error","code":"model_refused","message":"No."}}' ), '/v1/tasks/quiz' );
		$this->assertSame( 'mpcc_ai_refused', $refused->error_code );
		$this->assertSame( 'No.', $refused->to_data()['model_text'] );
		$cut = ProxyErrors::from_stream_event( json_decode( '{"error":{"type":"upstream_error","code":"output_truncated","message":"cut"}}' ), '/v1/tasks/quiz' );
		$this->assertSame( 'mpcc_ai_output_truncated', $cut->error_code );
	}
}
