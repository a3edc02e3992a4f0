<?php
/**
 * window.mpccConfig, the one global each page gets (docs/contracts.md "Browser config"). Printed once per page
 * before the first of our bundles; nonces are per action so one leaked nonce opens one door only.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Assets;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Ajax\ActionRegistry;
use CoursesCopilot\Courses\PostTypes;
use CoursesCopilot\Proxy\ProviderInfo;

final class BrowserConfig {

	public const NONCE_EDITOR    = 'mpcc_editor_nonce';
	public const NONCE_AUTO_SAVE = 'mpcc_auto_save_nonce';
	public const NONCE_ASSISTANT = 'mpcc_ai_assistant';
	public const NONCE_QUIZ      = 'mpcc_quiz_ai';

	private static bool $printed = false;

	/** @param array<string, mixed> $surface */
	public static function attach( string $handle, array $surface = array() ): void {
		if ( self::$printed ) {
			if ( $surface ) {
				wp_add_inline_script( $handle, 'Object.assign(window.mpccConfig.surface||(window.mpccConfig.surface={}),' . wp_json_encode( $surface ) . ');', 'before' );
			}
			return;
		}
		self::$printed = true;
		$config        = self::build( $surface );
		wp_add_inline_script( $handle, 'window.mpccConfig = ' . wp_json_encode( $config ) . ';', 'before' );
	}

	/**
	 * @param array<string, mixed> $surface
	 * @return array<string, mixed>
	 */
	public static function build( array $surface = array() ): array {
		return array(
			'ajaxUrl'   => admin_url( 'admin-ajax.php' ),
			'nonces'    => array(
				'editor'    => wp_create_nonce( self::NONCE_EDITOR ),
				'autoSave'  => wp_create_nonce( self::NONCE_AUTO_SAVE ),
				'assistant' => wp_create_nonce( self::NONCE_ASSISTANT ),
				'quiz'      => wp_create_nonce( self::NONCE_QUIZ ),
			),
			// The nonce each action checks, from the one table (docs/contracts.md "Browser config").
			'actionNonces' => ActionRegistry::nonces(),
			'userId'    => get_current_user_id(),
			'postTypes' => array(
				'course' => PostTypes::COURSE,
				'lesson' => PostTypes::LESSON,
				'quiz'   => PostTypes::QUIZ,
			),
			'provider'  => ProviderInfo::current(),
			'adminUrl'  => admin_url(),
			'editorUrl' => admin_url( 'admin.php?page=mpcc-course-editor' ),
			'version'   => MPCC_VERSION,
			'surface'   => (object) $surface,
		);
	}
}
