/**
 * The course editor: chat on one side, the outline (with drafts and Create course) on the
 * other, the save status always in view. Used on the admin page and in the courses-list modal.
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { plus } from '@wordpress/icons';
import { store as sessionStore } from '../../store';
import { useAutoSaveLifecycle } from '../../hooks/use-auto-save-lifecycle';
import { SessionSaveStatus } from '../../components/save-status';
import { ErrorNotice } from '../../components/error-notice';
import { ChatColumn } from './chat-column';
import { OutlinePanel } from './outline/outline-panel';
import { CreateCourse } from './create/create-course';
import { SkipToCreate } from './create/skip-to-create';
import { SessionsModal } from './sessions/sessions-modal';
import { useSessionBootstrap, type EditorMode } from './use-session-bootstrap';
import './style.scss';

export function CourseEditorApp( { mode = 'page' }: { mode?: EditorMode } ) {
	useAutoSaveLifecycle();
	const { ready, generation, open, openError, dismissOpenError } =
		useSessionBootstrap( mode );
	const { title, courseTitle, expired, restored, loading, loadError } =
		useSelect( ( select ) => {
			const s = select( sessionStore );
			return {
				title: s.getSessionTitle(),
				courseTitle: s.getCourseStructure()?.title ?? '',
				expired: s.isSessionExpired(),
				restored: s.wasRestoredFromBackup(),
				loading: s.isRequesting( 'load' ),
				loadError: s.getRequestError( 'load' ),
			};
		}, [] );
	const {
		sendMessage,
		discardRestoredBackup,
		dismissRestoredNotice,
		clearRequestError,
	} = useDispatch( sessionStore );
	const [ showSessions, setShowSessions ] = useState( false );
	const name =
		title || courseTitle || __( 'New conversation', 'courses-copilot' );

	return (
		<div className={ `mpcc-editor is-${ mode }` }>
			<div className="mpcc-editor__header">
				<div className="mpcc-editor__heading">
					{ mode === 'page' && (
						<h2 className="mpcc-editor__title">
							{ __(
								'Create a course with AI',
								'courses-copilot'
							) }
						</h2>
					) }
					<span className="mpcc-editor__session" title={ name }>
						{ name }
					</span>
				</div>
				<SessionSaveStatus className="mpcc-editor__status" />
				<div className="mpcc-editor__actions">
					<Button
						variant="secondary"
						onClick={ () => setShowSessions( true ) }
					>
						{ __( 'Conversations', 'courses-copilot' ) }
					</Button>
					<Button
						variant="secondary"
						icon={ plus }
						onClick={ () => open( null ) }
					>
						{ __( 'New conversation', 'courses-copilot' ) }
					</Button>
				</div>
			</div>

			{ expired && (
				<ErrorNotice
					error={ {
						code: 'mpcc_invalid_nonce',
						message: '',
						status: 403,
					} }
				/>
			) }
			{ ( loadError ?? openError ) && ! expired && (
				<ErrorNotice
					error={ loadError ?? openError }
					onDismiss={ () => {
						clearRequestError( 'load' );
						dismissOpenError();
					} }
				/>
			) }
			{ restored && (
				<Notice
					status="warning"
					onRemove={ () => dismissRestoredNotice() }
					actions={ [
						{
							label: __(
								'Keep these changes',
								'courses-copilot'
							),
							onClick: () => dismissRestoredNotice(),
							variant: 'primary',
						},
						{
							label: __(
								'Use the saved version',
								'courses-copilot'
							),
							onClick: () => void discardRestoredBackup(),
						},
					] }
				>
					{ __(
						'Unsaved changes from this device were restored.',
						'courses-copilot'
					) }
				</Notice>
			) }

			{ ! ready || ( loading && generation === 0 ) ? (
				<div className="mpcc-editor__loading">
					<Spinner />{ ' ' }
					{ __( 'Loading conversation…', 'courses-copilot' ) }
				</div>
			) : (
				<div className="mpcc-editor__main">
					<section
						className="mpcc-panel mpcc-editor__chat"
						aria-label={ __( 'Chat', 'courses-copilot' ) }
					>
						<ChatColumn
							onResume={ open }
							focusOnMount={ mode === 'modal' }
						/>
					</section>
					<section
						className="mpcc-panel mpcc-editor__outline"
						aria-label={ __( 'Course outline', 'courses-copilot' ) }
					>
						<SkipToCreate />
						<OutlinePanel key={ generation } />
						<CreateCourse
							onSendMessage={ ( text ) =>
								void sendMessage( text )
							}
						/>
					</section>
				</div>
			) }

			{ showSessions && (
				<SessionsModal
					onClose={ () => setShowSessions( false ) }
					onResume={ ( id ) => {
						setShowSessions( false );
						open( id );
					} }
				/>
			) }
		</div>
	);
}
