<?php
/**
 * Enqueues one of our bundles from build/<name>/: dependencies and version from the generated
 * index.asset.php, its stylesheet, translations, and window.mpccConfig.
 *
 * @package CoursesCopilot
 */

declare(strict_types=1);

namespace CoursesCopilot\Assets;

defined( 'ABSPATH' ) || exit;

use CoursesCopilot\Plugin;

final class ScriptLoader {

	/** The shared `mpcc/session` store script (see webpack.config.js) and the bundles built against it. */
	public const SESSION_STORE        = 'session-store';
	public const SESSION_STORE_USERS = array( 'course-editor', 'assistant-sidebar', 'classic-assistant' );

	public static function handle( string $bundle ): string {
		return 'mpcc-' . $bundle;
	}

	/**
	 * @param string               $bundle  folder under build/ (course-editor, assistant-sidebar, quiz-modal, question-blocks).
	 * @param array<string, mixed> $surface extra config for this page, merged into mpccConfig.
	 */
	public static function enqueue( string $bundle, array $surface = array() ): bool {
		$handle = self::register( $bundle );
		if ( null === $handle ) {
			return false;
		}
		wp_enqueue_script( $handle );
		if ( wp_style_is( $handle, 'registered' ) ) {
			wp_enqueue_style( $handle );
		}
		BrowserConfig::attach( $handle, $surface );
		return true;
	}

	/** Registers the bundle's script and style; null when the bundle has not been built. */
	public static function register( string $bundle ): ?string {
		$handle = self::handle( $bundle );
		if ( wp_script_is( $handle, 'registered' ) ) {
			return $handle;
		}
		$asset_file = Plugin::dir() . "build/{$bundle}/index.asset.php";
		if ( ! is_file( $asset_file ) ) {
			if ( defined( 'WP_DEBUG' ) && WP_DEBUG ) {
				error_log( "Courses Copilot: build/{$bundle} is missing; run npm run build." ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
			}
			return null;
		}
		$asset        = require $asset_file;
		$dependencies = $asset['dependencies'];
		self::register_jsx_runtime_fallback();
		if ( in_array( $bundle, self::SESSION_STORE_USERS, true ) && null !== self::register( self::SESSION_STORE ) ) {
			$dependencies[] = self::handle( self::SESSION_STORE );
		}
		wp_register_script( $handle, Plugin::url() . "build/{$bundle}/index.js", $dependencies, $asset['version'], true );
		wp_set_script_translations( $handle, 'courses-copilot', Plugin::dir() . 'languages' );
		// One stylesheet per bundle, holding every style its components import (webpack.config.js).
		if ( is_file( Plugin::dir() . "build/{$bundle}/index.css" ) ) {
			wp_register_style( $handle, Plugin::url() . "build/{$bundle}/index.css", array( 'wp-components' ), $asset['version'] );
		}
		return $handle;
	}

	/** WordPress 6.5 has no `react-jsx-runtime` script; without it our bundles would not print at all. */
	private static function register_jsx_runtime_fallback(): void {
		if ( wp_script_is( 'react-jsx-runtime', 'registered' ) ) {
			return;
		}
		wp_register_script( 'react-jsx-runtime', Plugin::url() . 'build/vendor/react-jsx-runtime.js', array( 'react' ), '18.3.1', true );
	}
}
