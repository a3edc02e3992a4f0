<?php
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Tests\Support\TestCase;

final class SmokeTest extends TestCase {

	public function test_list_sessions_answers_json_with_status(): void {
		$response = $this->ajax( 'mpcc_list_sessions' );
		$this->assertSame( 200, $response->status, $response->body );
		$this->assertTrue( $response->success() );
		$response = $this->ajax( 'mpcc_list_sessions', array(), 'admin', false );
		$this->assertSame( 403, $response->status );
		$this->assertSame( 'mpcc_invalid_nonce', $response->code() );
	}
}
