/**
 * languages/courses-copilot.pot is current: regenerated from what ships (PHP, built JS, block.json)
 * it has the same strings and references as the committed file (dates aside).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
	POT_FILE,
	comparablePot,
	generatePot,
} from '../../scripts/release/make-pot.mjs';

const fresh = await generatePot();

test( 'the committed .pot is current (else: npm run i18n:pot)', () => {
	const committed = fs.readFileSync( POT_FILE, 'utf8' );
	assert.equal( comparablePot( committed ), comparablePot( fresh ) );
} );

test( 'it holds strings from PHP and from the built JS, referenced where they ship', () => {
	// PHP: the settings page, with its line; JS: the save status (src/components/save-status), by path
	// only (a minified file's line numbers change with every build).
	assert.match(
		fresh,
		/#: php-bridge\/Settings\/SettingsPage\.php:\d+\n(#: .*\n)*msgid "Proxy URL"/
	);
	assert.match(
		fresh,
		/#: build\/course-editor\/index\.js\n(#: .*\n)*msgid "Unsaved changes"/
	);
	assert.match( fresh, /"X-Domain: courses-copilot\\n"/ );
} );
