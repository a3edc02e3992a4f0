/**
 * jsdom has no WHATWG streams nor TextEncoder/TextDecoder; the browser code reads fetch bodies
 * as byte streams (`src/api/sse-client.ts`), so the tests get Node's own implementations.
 */
import {
	ReadableStream,
	TextDecoderStream,
	TransformStream,
	WritableStream,
} from 'node:stream/web';
import { TextDecoder, TextEncoder } from 'node:util';

const globals = {
	ReadableStream,
	TextDecoderStream,
	TransformStream,
	WritableStream,
	TextDecoder,
	TextEncoder,
};
for ( const [ name, value ] of Object.entries( globals ) ) {
	if ( ! ( name in globalThis ) ) {
		Object.defineProperty( globalThis, name, {
			value,
			writable: true,
			configurable: true,
		} );
	}
}
