import { useRegistry } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { attachAutoSave, type AutoSaveOptions } from '../store';

/**
 * Turns on auto-save for the registry the component is rendered in (once per registry, however
 * many components call it); detaching flushes what is pending. Mount it at each surface's root.
 */
export function useAutoSaveLifecycle( options?: AutoSaveOptions ): void {
	const registry = useRegistry();
	useEffect( () => attachAutoSave( registry, options ), [ registry ] ); // eslint-disable-line react-hooks/exhaustive-deps
}
