<?php
/**
 * "Create quiz" in each lesson's row actions (edit.php?post_type=mpcs-lesson), and "Create a quiz for
 * this course" in each course's (edit.php?post_type=mpcs-course). The link calls the bridge's
 * `mpcc_create_quiz_from_lesson` (a quiz draft right after the lesson) or `mpcc_create_quiz_for_course`
 * (after the course's last lesson), then opens that quiz with the Quiz AI modal ready and the lesson,
 * or the whole course, chosen as its source.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Blocks;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Assets\BrowserConfig;
use CoursesCopilot\Courses\PostTypes;

final class LessonRowAction {

	public const SOURCE_PARAM = 'mpcc_quiz_source';

	public static function register(): void {
		add_filter( 'post_row_actions', array( self::class, 'add' ), 10, 2 );
		add_action( 'admin_footer-edit.php', array( self::class, 'print_script' ) );
	}

	private static function can_create( int $post_id ): bool {
		$quiz_type = get_post_type_object( PostTypes::QUIZ );
		return current_user_can( 'edit_post', $post_id ) && $quiz_type && current_user_can( $quiz_type->cap->create_posts );
	}

	/**
	 * @param array<string, string> $actions
	 * @return array<string, string>
	 */
	public static function add( array $actions, \WP_Post $post ): array {
		$types = array( PostTypes::LESSON, PostTypes::COURSE );
		if ( ! in_array( $post->post_type, $types, true ) || 'trash' === $post->post_status || ! self::can_create( (int) $post->ID ) ) {
			return $actions;
		}
		$for_course                  = PostTypes::COURSE === $post->post_type;
		$actions['mpcc_create_quiz'] = sprintf(
			'<a href="#" role="button" class="mpcc-create-quiz" data-action="%1$s" data-field="%2$s" data-source="%3$s" data-post-id="%4$d" aria-label="%5$s">%6$s</a>',
			$for_course ? 'mpcc_create_quiz_for_course' : 'mpcc_create_quiz_from_lesson',
			$for_course ? 'course_id' : 'lesson_id',
			$for_course ? 'course' : (string) (int) $post->ID,
			(int) $post->ID,
			esc_attr(
				$for_course
					/* translators: %s: course title */
					? sprintf( __( 'Create a quiz for the course “%s”', 'courses-copilot' ), get_the_title( $post ) )
					/* translators: %s: lesson title */
					: sprintf( __( 'Create a quiz from “%s”', 'courses-copilot' ), get_the_title( $post ) )
			),
			$for_course ? esc_html__( 'Create a quiz for this course', 'courses-copilot' ) : esc_html__( 'Create quiz', 'courses-copilot' )
		);
		return $actions;
	}

	public static function print_script(): void {
		$screen = get_current_screen();
		if ( ! $screen || ! in_array( $screen->post_type, array( PostTypes::LESSON, PostTypes::COURSE ), true ) ) {
			return;
		}
		$config = array(
			'ajaxUrl' => admin_url( 'admin-ajax.php' ),
			'nonce'   => wp_create_nonce( BrowserConfig::NONCE_QUIZ ),
			'param'   => self::SOURCE_PARAM,
			'busy'    => __( 'Creating quiz…', 'courses-copilot' ),
			'failed'  => __( 'Could not create the quiz:', 'courses-copilot' ),
		);
		$script = <<<'JS'
(function(config){
	document.addEventListener('click', function(event){
		var link = event.target.closest ? event.target.closest('a.mpcc-create-quiz') : null;
		if (!link || link.getAttribute('aria-disabled') === 'true') { return; }
		event.preventDefault();
		var label = link.textContent;
		var postId = link.getAttribute('data-post-id');
		link.setAttribute('aria-disabled', 'true');
		link.textContent = config.busy;
		var body = new URLSearchParams({ action: link.getAttribute('data-action'), nonce: config.nonce });
		body.set(link.getAttribute('data-field'), postId);
		fetch(config.ajaxUrl, { method: 'POST', body: body, credentials: 'same-origin' })
			.then(function(response){ return response.json(); })
			.then(function(reply){
				if (!reply || !reply.success || !reply.data || !reply.data.edit_url) {
					var data = (reply && reply.data) || {};
					throw new Error([data.message, data.suggestion].filter(Boolean).join(' '));
				}
				var url = new URL(reply.data.edit_url.replace(/&amp;/g, '&'), window.location.href);
				url.searchParams.set(config.param, link.getAttribute('data-source'));
				window.location.assign(url.toString());
			})
			.catch(function(error){
				link.removeAttribute('aria-disabled');
				link.textContent = label;
				window.alert(config.failed + ' ' + (error && error.message ? error.message : ''));
			});
	});
})
JS;
		wp_print_inline_script_tag( $script . '(' . wp_json_encode( $config ) . ');' );
	}
}
