<?php
/**
 * mpccConfig's nonces come from the action table: `actionNonces` has every registered action with
 * a nonce its handler accepts, and the older per-kind `nonces` keys still work.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Integration;

use CoursesCopilot\Ajax\ActionRegistry;
use CoursesCopilot\Assets\BrowserConfig;
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
}
