<?php
/**
 * mpccConfig's nonces come from the action table: `actionNonces` has every registered action with
 * a nonce its handler accepts, the older per-kind `nonces` keys still work, and the browser's
 * fallback map for configs without `actionNonces` (src/api/client.ts) agrees with the table.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Ajax\ActionRegistry;
use CoursesCopilot\Assets\BrowserConfig;
use CoursesCopilot\Plugin;
use CoursesCopilot\Tests\Support\TestCase;

final class BrowserConfigNoncesTest extends TestCase {

	public function test_every_action_gets_the_nonce_it_checks(): void {
		$this->act_as( 'admin' );
		$config = BrowserConfig::build();
		$this->assertSame( array_keys( ActionRegistry::ACTIONS ), array_keys( $config['actionNonces'] ) );
		foreach ( ActionRegistry::ACTIONS as $action => $entry ) {
			$this->assertNotFalse( wp_verify_nonce( $config['actionNonces'][ $action ], $entry['nonce'] ), $action );
		}
		$this->assertSame( array( 'editor', 'autoSave', 'assistant', 'quiz' ), array_keys( $config['nonces'] ) );
	}

	public function test_a_printed_nonce_is_accepted_by_its_action(): void {
		$this->act_as( 'admin' );
		$nonce = BrowserConfig::build()['actionNonces']['mpcc_list_sessions'];
		$this->assertSame( 200, $this->ajax( 'mpcc_list_sessions', array(), 'admin', $nonce )->status );
		$other = BrowserConfig::build()['actionNonces']['mpcc_generate_quiz'];
		$this->assertSame( 'mpcc_invalid_nonce', $this->ajax( 'mpcc_list_sessions', array(), 'admin', $other )->code() );
	}

	public function test_the_clients_fallback_map_names_the_same_nonces(): void {
		$kinds  = array( 'editor' => BrowserConfig::NONCE_EDITOR, 'autoSave' => BrowserConfig::NONCE_AUTO_SAVE, 'assistant' => BrowserConfig::NONCE_ASSISTANT, 'quiz' => BrowserConfig::NONCE_QUIZ );
		$source = (string) file_get_contents( Plugin::dir() . 'src/api/client.ts' );
		$this->assertSame( 1, preg_match( '/ACTION_NONCES[^=]*=\s*\{(.*?)\};/s', $source, $block ), 'ACTION_NONCES in src/api/client.ts' );
		preg_match_all( '/(mpcc_\w+):\s*\'(\w+)\'/', $block[1], $pairs, PREG_SET_ORDER );
		$this->assertNotEmpty( $pairs );
		foreach ( $pairs as list( , $action, $kind ) ) {
			$this->assertArrayHasKey( $action, ActionRegistry::ACTIONS );
			$this->assertSame( ActionRegistry::ACTIONS[ $action ]['nonce'], $kinds[ $kind ] ?? null, $action );
		}
	}
}
