<?php
/**
 * The bundles' strings can be translated: each script is registered with the plugin's text domain and
 * its languages/ folder, and WordPress looks there for the JSON file named after the built script's
 * path, the same path languages/courses-copilot.pot references (npm run i18n:pot).
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Assets\ScriptLoader;
use CoursesCopilot\Plugin;
use CoursesCopilot\Tests\Support\TestCase;

final class ScriptTranslationsTest extends TestCase {

	public function test_each_bundle_loads_its_translations_from_the_plugin_languages_folder(): void {
		$pot = (string) file_get_contents( Plugin::dir() . 'languages/courses-copilot.pot' );
		foreach ( array( 'course-editor', 'assistant-sidebar', 'quiz-modal', 'session-store' ) as $bundle ) {
			$handle = ScriptLoader::register( $bundle );
			$this->assertNotNull( $handle, "{$bundle} is built" );
			$script = wp_scripts()->registered[ $handle ];
			$this->assertSame( 'courses-copilot', $script->textdomain );
			$this->assertSame( Plugin::dir() . 'languages', $script->translations_path );

			$looked_for = array();
			$this->hook(
				'load_script_translation_file',
				static function ( $file ) use ( &$looked_for ) {
					$looked_for[] = (string) $file;
					return $file;
				}
			);
			$this->hook( 'determine_locale', static fn() => 'de_DE' );
			load_script_textdomain( $handle, 'courses-copilot', Plugin::dir() . 'languages' );
			$expected = Plugin::dir() . 'languages/courses-copilot-de_DE-' . md5( "build/{$bundle}/index.js" ) . '.json';
			$this->assertContains( $expected, $looked_for, "{$bundle}: the file make-json would write" );
			$this->assertStringContainsString( "#: build/{$bundle}/index.js", $pot, "{$bundle}: the .pot references the built file" );
		}
	}
}
