<?php
/**
 * Every action's JSON input refuses keys its declared shape does not know, by name (issue 13):
 * course_data (mpcc_create_course), session_data (mpcc_auto_save_session), context (mpcc_editor_ai_chat);
 * options (mpcc_generate_quiz) is in QuizTest. What the browser sends today still passes.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Tests\Support\TestCase;

final class UnknownKeysTest extends TestCase {

	public function test_create_course_names_an_unknown_key_at_any_depth_and_creates_nothing(): void {
		$id        = $this->make_session( 'admin' );
		$structure = self::structure();
		$structure['sections'][1]['lessons'][0]['colour'] = 'red';
		$before    = wp_count_posts( 'mpcs-course' )->draft + wp_count_posts( 'mpcs-course' )->publish;
		$response  = $this->ajax( 'mpcc_create_course', array( 'session_id' => $id, 'course_data' => $structure ) );
		$this->assertSame( 400, $response->status, $response->body );
		$this->assertStringContainsString( '"sections.1.lessons.0.colour"', $response->data()['message'] );
		$this->assertSame( $before, wp_count_posts( 'mpcs-course' )->draft + wp_count_posts( 'mpcs-course' )->publish );
	}

	public function test_auto_save_names_an_unknown_key_and_saves_what_the_browser_sends(): void {
		$data     = array( 'title' => 'T', 'messages' => array( array( 'role' => 'user', 'content' => 'Hi', 'created_at' => '2026-01-01T00:00:00Z' ) ), 'course_structure' => self::structure(), 'conversation_state' => 'course_structure', 'ui' => array( 'view' => 'outline', 'expanded_sections' => array( 's1' ), 'active_lesson_id' => null ) );
		$response = $this->ajax( 'mpcc_auto_save_session', array( 'session_data' => array_merge( $data, array( 'bogus' => 1 ) ) ) );
		$this->assertSame( 400, $response->status, $response->body );
		$this->assertStringContainsString( '"bogus"', $response->data()['message'] );
		$ok = $this->ajax( 'mpcc_auto_save_session', array( 'session_data' => $data ) );
		$this->assertSame( 200, $ok->status, $ok->body );
	}

	public function test_editor_context_names_an_unknown_key(): void {
		$lesson   = get_posts( array( 'post_type' => 'mpcs-lesson', 'title' => 'Shutter Speed and Motion', 'numberposts' => 1 ) )[0];
		$fields   = array( 'post_id' => $lesson->ID, 'post_type' => 'mpcs-lesson', 'message' => 'Shorter, please.', 'context' => array( 'title' => 'Shutter', 'content' => '', 'excerpt' => '', 'selected_block' => array( 'client_id' => 'a', 'name' => 'core/paragraph', 'content' => 'x', 'bogus' => 1 ) ) );
		$response = $this->ajax( 'mpcc_editor_ai_chat', $fields );
		$this->assertSame( 400, $response->status, $response->body );
		$this->assertStringContainsString( '"selected_block.bogus"', $response->data()['message'] );
		unset( $fields['context']['selected_block']['bogus'] );
		$this->assertSame( 200, $this->ajax( 'mpcc_editor_ai_chat', $fields )->status );
		$fields['context']['selected_block'] = null;
		$this->assertSame( 200, $this->ajax( 'mpcc_editor_ai_chat', $fields )->status );
	}
}
