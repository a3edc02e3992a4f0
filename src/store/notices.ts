/**
 * Notices through core/notices when that store is registered on the registry (the block editor,
 * or any page that loads wp-notices); otherwise the store's own flags (getConflict,
 * wasRestoredFromBackup, isSessionExpired) are all the UI has, and they are always set.
 */
import type { DataRegistry } from '@wordpress/data';

/**
 * By name, on purpose: importing `@wordpress/notices` would make every surface depend on the
 * wp-notices script (and pull its components into tests). The store is optional here.
 */
const NOTICES_STORE = 'core/notices';

export interface NoticeAction {
	label: string;
	onClick: () => void;
}

type NoticesDispatch = {
	createNotice: (
		status: string,
		content: string,
		options: Record< string, unknown >
	) => unknown;
	removeNotice: ( id: string ) => unknown;
};

function notices( registry: DataRegistry ): NoticesDispatch | null {
	try {
		if (
			! registry.stores?.[ NOTICES_STORE ] &&
			! registry.select( NOTICES_STORE )
		) {
			return null;
		}
		return (
			( registry.dispatch(
				NOTICES_STORE
			) as unknown as NoticesDispatch | null ) ?? null
		);
	} catch {
		return null;
	}
}

export function notify(
	registry: DataRegistry,
	id: string,
	status: 'warning' | 'error' | 'info' | 'success',
	content: string,
	actions: NoticeAction[] = []
): void {
	notices( registry )?.createNotice( status, content, {
		id,
		isDismissible: actions.length === 0,
		actions,
	} );
}

export function clearNotice( registry: DataRegistry, id: string ): void {
	notices( registry )?.removeNotice( id );
}
