<?php
/**
 * The post context the assistant sidebar sends to the proxy (EditorPostContextSchema): the live
 * editor's title, content, excerpt and selected block, plus what only the server knows — for a
 * course its sections and lesson count, for a lesson its course and section (when the user may read
 * that course).
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Courses;

defined( 'ABSPATH' ) || exit;

final class EditorContext {

	/**
	 * @param array<string, mixed> $live title, content, excerpt?, selected_block? from the editor
	 * @return array<string, mixed>
	 */
	public static function build( \WP_Post $post, array $live ): array {
		$context = array(
			'id'      => $post->ID,
			'type'    => $post->post_type,
			'title'   => mb_substr( sanitize_text_field( (string) ( $live['title'] ?? $post->post_title ) ), 0, 1000 ),
			'content' => mb_substr( wp_kses_post( (string) ( $live['content'] ?? $post->post_content ) ), 0, 200000 ),
		);
		if ( isset( $live['excerpt'] ) && is_string( $live['excerpt'] ) ) {
			$context['excerpt'] = mb_substr( sanitize_textarea_field( $live['excerpt'] ), 0, 5000 );
		}
		$block = $live['selected_block'] ?? null;
		if ( is_array( $block ) && is_string( $block['name'] ?? null ) ) {
			$context['selected_block'] = array(
				'client_id' => sanitize_text_field( (string) ( $block['client_id'] ?? '' ) ),
				'name'      => sanitize_text_field( $block['name'] ),
				'content'   => mb_substr( wp_kses_post( (string) ( $block['content'] ?? '' ) ), 0, 50000 ),
			);
		}
		return array_merge( $context, self::server_side( $post ) );
	}

	/** @return array<string, mixed> */
	public static function server_side( \WP_Post $post ): array {
		if ( PostTypes::COURSE === $post->post_type ) {
			$sections = array();
			$total    = 0;
			foreach ( CourseOutline::sections( $post->ID ) as $section ) {
				$count      = count( CourseOutline::items( $section['id'] ) );
				$total     += $count;
				$sections[] = array( 'title' => $section['title'], 'lesson_count' => $count );
			}
			return array( 'sections' => $sections, 'lesson_count' => $total );
		}
		// The section meta names someone's course: its titles are told only to a user who may read that course.
		$section = CourseOutline::section( CourseOutline::section_id( $post->ID ) );
		if ( null === $section || ! current_user_can( 'read_post', $section['course_id'] ) ) {
			return array();
		}
		$course = get_post( $section['course_id'] );
		$out    = array( 'section_title' => $section['title'] );
		if ( $course instanceof \WP_Post ) {
			$out['course_title'] = $course->post_title;
		}
		return $out;
	}
}
