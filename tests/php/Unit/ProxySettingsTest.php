<?php
/**
 * Where the proxy URL comes from (issue 12, finding 6): on a multisite network whose token is in
 * wp-config.php, a site admin's own URL setting is never used, so the network's token cannot be
 * sent to a server of theirs. The test site is not a network, so the rule is checked on its own
 * (url_from) and url() is checked to apply it to this site.
 */
declare(strict_types=1);

namespace CoursesCopilot\Tests\Unit;

use CoursesCopilot\Proxy\ProxySettings;
use PHPUnit\Framework\TestCase;

final class ProxySettingsTest extends TestCase {

	private const CAPTURE = array( 'proxy_url' => 'https://capture.example/' );

	public function test_a_network_wide_token_ignores_a_sites_own_proxy_url(): void {
		$this->assertSame( ProxySettings::DEFAULT_URL, ProxySettings::url_from( '', true, self::CAPTURE ) );
		$this->assertSame( 'https://proxy.network.example', ProxySettings::url_from( 'https://proxy.network.example/', true, self::CAPTURE ) );
	}

	public function test_a_single_site_or_a_sites_own_token_keeps_its_setting(): void {
		$this->assertSame( 'https://capture.example', ProxySettings::url_from( '', false, self::CAPTURE ) );
		$this->assertSame( ProxySettings::DEFAULT_URL, ProxySettings::url_from( '', false, array() ) );
		$this->assertSame( 'https://proxy.example', ProxySettings::url_from( 'https://proxy.example', false, self::CAPTURE ) );
	}

	public function test_this_site_applies_the_rule(): void {
		$this->assertSame( is_multisite() && defined( 'MPCC_PROXY_TOKEN' ), ProxySettings::url_is_network_level() );
		$this->assertFalse( ProxySettings::url_is_network_level(), 'the test site is a single site' );
	}
}
