/**
 * Keeps the post from being saved while a question block is not usable (no expected answer, no
 * correct option, repeated options …), the way core holds saving for invalid content: a
 * `lockPostSaving` lock on core/editor under the block's own name, and a notice that says why.
 * Both go when the question is fixed or the block is removed.
 *
 * core/editor is looked up by name rather than imported: the blocks also load where there is no
 * post editor (then there is nothing to lock).
 */
import { useRegistry } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

interface EditorLockActions {
	lockPostSaving?: ( lockName: string ) => unknown;
	unlockPostSaving?: ( lockName: string ) => unknown;
}
interface NoticeActions {
	createNotice?: (
		status: string,
		content: string,
		options: Record< string, unknown >
	) => unknown;
	removeNotice?: ( id: string ) => unknown;
}

export function saveLockName( clientId: string ): string {
	return `mpcc-question-${ clientId }`;
}

export function useQuestionSaveLock(
	clientId: string,
	problem: string | null
): void {
	const registry = useRegistry();
	useEffect( () => {
		if ( ! problem ) {
			return undefined;
		}
		const dispatch = registry.dispatch as (
			name: string
		) => ( EditorLockActions & NoticeActions ) | undefined;
		const editor = dispatch( 'core/editor' );
		if ( ! editor?.lockPostSaving ) {
			return undefined;
		}
		const lockName = saveLockName( clientId );
		editor.lockPostSaving( lockName );
		dispatch( 'core/notices' )?.createNotice?.(
			'warning',
			sprintf(
				/* translators: %s: what the question still needs, e.g. "Write the expected answer." */
				__(
					'A quiz question is not finished, so saving is paused: %s',
					'courses-copilot'
				),
				problem
			),
			{ id: lockName, isDismissible: false }
		);
		return () => {
			editor.unlockPostSaving?.( lockName );
			dispatch( 'core/notices' )?.removeNotice?.( lockName );
		};
	}, [ registry, clientId, problem ] );
}
