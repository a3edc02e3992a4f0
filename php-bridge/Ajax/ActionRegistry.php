<?php
/**
 * Hooks every wp_ajax_mpcc_* action to its handler (one class per action in this folder),
 * and every wp_ajax_nopriv_mpcc_* to the logged-out answer.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Ajax;

defined( 'ABSPATH' ) || exit;

final class ActionRegistry {

	/** @var array<string, class-string> action => handler class. */
	public const HANDLERS = array(
		ChatMessage::ACTION           => ChatMessage::class,
		CreateCourse::ACTION          => CreateCourse::class,
		GenerateLessonContent::ACTION => GenerateLessonContent::class,
		ListSessions::ACTION          => ListSessions::class,
		LoadSession::ACTION           => LoadSession::class,
		DeleteSession::ACTION         => DeleteSession::class,
		AutoSaveSession::ACTION       => AutoSaveSession::class,
		EditorAiChat::ACTION          => EditorAiChat::class,
		GenerateQuiz::ACTION          => GenerateQuiz::class,
		CreateQuizFromLesson::ACTION  => CreateQuizFromLesson::class,
		CreateQuizForCourse::ACTION   => CreateQuizForCourse::class,
	);

	public static function register(): void {
		foreach ( self::HANDLERS as $action => $handler ) {
			add_action( "wp_ajax_{$action}", array( $handler, 'handle' ) );
			add_action( "wp_ajax_nopriv_{$action}", array( NotLoggedIn::class, 'handle' ) );
		}
	}
}
