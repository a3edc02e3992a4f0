<?php
/**
 * Our quiz question blocks (blocks/<type>-question/), for sites without MemberPress Courses' own.
 * Each is registered from its block.json with the shared editor script (build/question-blocks). Where
 * `memberpress-courses/<type>-question` is registered too (MemberPress Courses installed after quizzes
 * were written with ours), ours stays registered so those quizzes still edit and render, but is
 * hidden from the inserter, so a quiz never offers two blocks for one kind of question. This class also wires the quiz surface's other PHP parts: the
 * "Create quiz" row action on lessons and the quiz editor's course context.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Blocks;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Assets\ScriptLoader;
use CoursesCopilot\Plugin;

final class QuestionBlocks {

	/** Our block folder => MemberPress Courses' block of the same kind. */
	public const BLOCKS = array(
		'multiple-choice-question' => 'memberpress-courses/multiple-choice-question',
		'true-false-question'      => 'memberpress-courses/true-false-question',
		'multiple-answer-question' => 'memberpress-courses/multiple-answer-question',
		'short-answer-question'    => 'memberpress-courses/short-answer-question',
	);

	public static function register(): void {
		// After MemberPress Courses registers its blocks (init, 10).
		add_action( 'init', array( self::class, 'register_blocks' ), 20 );
		LessonRowAction::register();
		QuizEditorContext::register();
	}

	public const FRONT_STYLE = 'mpcc-question-blocks-front';

	/** @return list<string> the names of the blocks registered. */
	public static function register_blocks(): array {
		$registry   = \WP_Block_Type_Registry::get_instance();
		$registered = array();
		$handle     = null;
		wp_register_style( self::FRONT_STYLE, Plugin::url() . 'blocks/shared/front.css', array(), MPCC_VERSION );
		foreach ( self::BLOCKS as $folder => $theirs ) {
			$dir = Plugin::dir() . 'blocks/' . $folder;
			if ( ! is_file( $dir . '/block.json' ) || $registry->is_registered( 'courses-copilot/' . $folder ) ) {
				continue;
			}
			$handle ??= ScriptLoader::register( 'question-blocks' ) ?? '';
			$args     = array( 'style_handles' => array( self::FRONT_STYLE ) );
			if ( '' !== $handle ) {
				$args['editor_script_handles'] = array( $handle );
				// The edit view's styles, also inside the iframed editor canvas.
				if ( wp_style_is( $handle, 'registered' ) ) {
					$args['editor_style_handles'] = array( $handle );
				}
			}
			if ( $registry->is_registered( $theirs ) ) {
				$metadata         = wp_json_file_decode( $dir . '/block.json', array( 'associative' => true ) );
				$args['supports'] = array_merge( (array) ( $metadata['supports'] ?? array() ), array( 'inserter' => false ) );
			}
			$type     = register_block_type( $dir, $args );
			if ( $type instanceof \WP_Block_Type ) {
				$registered[] = $type->name;
			}
		}
		return $registered;
	}
}
