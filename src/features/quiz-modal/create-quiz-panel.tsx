/**
 * "Create quiz" in a lesson's document settings: places a quiz right after this lesson and opens it
 * with the Quiz AI modal ready and this lesson as the source. On a course ("Create a quiz for this
 * course"), the quiz goes after the course's last lesson and the whole course is the source.
 * Unsaved edits are saved first, so the questions come from what the instructor sees.
 */
import { __ } from '@wordpress/i18n';
import { useState } from '@wordpress/element';
import { Button, Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { store as editorStore } from '@wordpress/editor';
import { PluginDocumentSettingPanel } from '../../components/editor-slots';
import { toErrorInfo } from '../../api/error-messages';
import type { ErrorInfo } from '../../api/errors';
import { createQuizAndOpen } from './create-quiz';

interface EditorSelectors {
	getCurrentPostId: () => number | null;
	isEditedPostDirty: () => boolean;
	isEditedPostNew: () => boolean;
	isSavingPost: () => boolean;
}

export function CreateQuizPanel( {
	navigate,
	forCourse = false,
}: {
	navigate?: ( url: string ) => void;
	forCourse?: boolean;
} ) {
	const { postId, dirty, saving } = useSelect( ( select ) => {
		const editor = select( editorStore ) as unknown as EditorSelectors;
		return {
			postId: editor.getCurrentPostId() ?? 0,
			dirty: editor.isEditedPostDirty() || editor.isEditedPostNew(),
			saving: editor.isSavingPost(),
		};
	}, [] );
	const { savePost } = useDispatch( editorStore ) as unknown as {
		savePost: () => Promise< void >;
	};
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< ErrorInfo | null >( null );

	const create = async () => {
		setBusy( true );
		setError( null );
		try {
			if ( dirty ) {
				await savePost();
			}
			await createQuizAndOpen(
				forCourse ? { courseId: postId } : { lessonId: postId },
				navigate
			);
			// Navigation is under way; stay busy.
		} catch ( e ) {
			setError( toErrorInfo( e ) );
			setBusy( false );
		}
	};

	if ( ! PluginDocumentSettingPanel ) {
		return null;
	}
	return (
		<PluginDocumentSettingPanel
			name="mpcc-create-quiz"
			title={ __( 'Quiz', 'courses-copilot' ) }
			className="mpcc-create-quiz-panel"
		>
			<p>
				{ forCourse
					? __(
							'Create a quiz at the end of this course, with questions written from all its lessons.',
							'courses-copilot'
						)
					: __(
							'Create a quiz right after this lesson, with questions written from it.',
							'courses-copilot'
						) }
			</p>
			{ dirty && (
				<p className="description">
					{ __(
						'Your unsaved changes are saved first.',
						'courses-copilot'
					) }
				</p>
			) }
			<Button
				variant="secondary"
				onClick={ create }
				isBusy={ busy }
				disabled={ busy || saving || ! postId }
			>
				{ busy && __( 'Creating quiz…', 'courses-copilot' ) }
				{ ! busy &&
					( forCourse
						? __(
								'Create a quiz for this course',
								'courses-copilot'
							)
						: __( 'Create quiz', 'courses-copilot' ) ) }
			</Button>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error.message } { error.suggestion ?? '' }
				</Notice>
			) }
		</PluginDocumentSettingPanel>
	);
}
