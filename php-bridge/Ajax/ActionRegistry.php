<?php
/**
 * The one table of ajax actions (docs/contracts.md "Ajax actions"): for each, the class that runs
 * it, the nonce action it checks and its declared permission step (the capability asked once the
 * input is read; `edit_post` is asked of the request's post). It hooks every wp_ajax_mpcc_* to the
 * Runner and every wp_ajax_nopriv_mpcc_* to the logged-out answer, gives mpccConfig its nonces
 * and the PHP tests their matrix.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Assets\BrowserConfig;

final class ActionRegistry {

	/** @var array<string, array{handler: class-string, nonce: string, capability: string}> */
	public const ACTIONS = array(
		'mpcc_chat_message'            => array( 'handler' => ChatMessage::class, 'nonce' => BrowserConfig::NONCE_EDITOR, 'capability' => 'edit_posts' ),
		'mpcc_create_course'           => array( 'handler' => CreateCourse::class, 'nonce' => BrowserConfig::NONCE_EDITOR, 'capability' => 'edit_posts' ),
		'mpcc_generate_lesson_content' => array( 'handler' => GenerateLessonContent::class, 'nonce' => BrowserConfig::NONCE_EDITOR, 'capability' => 'edit_posts' ),
		'mpcc_list_sessions'           => array( 'handler' => ListSessions::class, 'nonce' => BrowserConfig::NONCE_EDITOR, 'capability' => 'edit_posts' ),
		'mpcc_load_session'            => array( 'handler' => LoadSession::class, 'nonce' => BrowserConfig::NONCE_EDITOR, 'capability' => 'edit_posts' ),
		'mpcc_delete_session'          => array( 'handler' => DeleteSession::class, 'nonce' => BrowserConfig::NONCE_EDITOR, 'capability' => 'edit_posts' ),
		'mpcc_auto_save_session'       => array( 'handler' => AutoSaveSession::class, 'nonce' => BrowserConfig::NONCE_AUTO_SAVE, 'capability' => 'edit_posts' ),
		'mpcc_editor_ai_chat'          => array( 'handler' => EditorAiChat::class, 'nonce' => BrowserConfig::NONCE_ASSISTANT, 'capability' => 'edit_post' ),
		'mpcc_generate_quiz'           => array( 'handler' => GenerateQuiz::class, 'nonce' => BrowserConfig::NONCE_QUIZ, 'capability' => 'edit_posts' ),
		'mpcc_create_quiz_from_lesson' => array( 'handler' => CreateQuizFromLesson::class, 'nonce' => BrowserConfig::NONCE_QUIZ, 'capability' => 'edit_post' ),
		'mpcc_create_quiz_for_course'  => array( 'handler' => CreateQuizForCourse::class, 'nonce' => BrowserConfig::NONCE_QUIZ, 'capability' => 'edit_post' ),
	);

	public static function register(): void {
		foreach ( array_keys( self::ACTIONS ) as $action ) {
			add_action( "wp_ajax_{$action}", static fn() => Runner::run( $action ) );
			add_action( "wp_ajax_nopriv_{$action}", array( NotLoggedIn::class, 'handle' ) );
		}
	}

	/** @return array<string, string> action => a fresh nonce for the nonce action it checks */
	public static function nonces(): array {
		return array_map( static fn( array $entry ): string => wp_create_nonce( $entry['nonce'] ), self::ACTIONS );
	}
}
