/**
 * The quiz bundle's editor plugin. On quizzes (surface 'quiz'): a "Generate questions with AI"
 * notice while the quiz has no questions, a "Quiz AI" panel in the document settings and a
 * more-menu item open the modal; it opens by itself when the quiz was just created from a lesson
 * (`?mpcc_quiz_source=<lesson>`) or a course (`?mpcc_quiz_source=course`). On lessons and courses
 * (surface 'sidebar'): only the "Create quiz" panel. The post type is checked here again, as PHP did
 * before enqueuing. Questions in the preview, not yet inserted, make leaving the page ask first.
 */
import { __ } from '@wordpress/i18n';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { store as editorStore } from '@wordpress/editor';
import { PluginDocumentSettingPanel } from '../../components/editor-slots';
import { store as quizStore } from '../../store/quiz';
import { useWarnBeforeLeaving } from '../../hooks/use-warn-before-leaving';
import { QuizModal } from './quiz-modal';
import { CreateQuizPanel } from './create-quiz-panel';
import { PluginMoreMenuItem } from './more-menu-item';
import { EmptyQuizInvite } from './empty-quiz-invite';
import {
	forgetSourceParam,
	readCourseSourceParam,
	readSourceParam,
	readSurface,
} from './surface';

export const QUIZ_POST_TYPE = 'mpcs-quiz';
export const LESSON_POST_TYPE = 'mpcs-lesson';
export const COURSE_POST_TYPE = 'mpcs-course';

interface EditorSelectors {
	getCurrentPostType: () => string | null;
	getCurrentPostId: () => number | null;
}

export function QuizTools() {
	const surface = useMemo( readSurface, [] );
	const lessonParam = useMemo( () => readSourceParam(), [] );
	const courseParam = useMemo( () => readCourseSourceParam(), [] );
	const [ open, setOpen ] = useState( false );
	const { setSource } = useDispatch( quizStore );
	const quizId = useSelect(
		( select ) =>
			(
				select( editorStore ) as unknown as EditorSelectors
			 ).getCurrentPostId() ?? 0,
		[]
	);
	// Questions generated (and perhaps edited) but not yet inserted live only in this page.
	const hasPreview = useSelect(
		( select ) => select( quizStore ).getQuestions().length > 0,
		[]
	);
	useWarnBeforeLeaving( hasPreview );

	useEffect( () => {
		if ( lessonParam ) {
			// Source first, so the modal opens with this lesson chosen.
			setSource( { lesson_id: lessonParam } );
			setOpen( true );
			forgetSourceParam();
		} else if ( courseParam ) {
			if ( surface.quiz.courseId ) {
				setSource( { course_id: surface.quiz.courseId } );
			}
			setOpen( true );
			forgetSourceParam();
		}
	}, [ lessonParam, courseParam, surface, setSource ] );

	const openModal = () => setOpen( true );
	return (
		<>
			<EmptyQuizInvite onOpen={ openModal } hidden={ open } />
			{ PluginDocumentSettingPanel && (
				<PluginDocumentSettingPanel
					name="mpcc-quiz-ai"
					title={ __( 'Quiz AI', 'courses-copilot' ) }
					className="mpcc-quiz-panel"
				>
					<p>
						{ __(
							'Write questions from a lesson, the whole course, or your own text, then review them before they go in.',
							'courses-copilot'
						) }
					</p>
					<Button variant="secondary" onClick={ openModal }>
						{ __( 'Generate questions', 'courses-copilot' ) }
					</Button>
				</PluginDocumentSettingPanel>
			) }
			{ PluginMoreMenuItem && (
				<PluginMoreMenuItem onClick={ openModal }>
					{ __( 'Generate quiz questions', 'courses-copilot' ) }
				</PluginMoreMenuItem>
			) }
			{ open && (
				<QuizModal
					context={ surface.quiz }
					quizId={ quizId || surface.postId }
					onClose={ () => setOpen( false ) }
				/>
			) }
		</>
	);
}

export function QuizPlugin() {
	const postType = useSelect(
		( select ) =>
			(
				select( editorStore ) as unknown as EditorSelectors
			 ).getCurrentPostType(),
		[]
	);
	const surface = useMemo( readSurface, [] );
	if ( postType === QUIZ_POST_TYPE && surface.name === 'quiz' ) {
		return <QuizTools />;
	}
	if ( postType === LESSON_POST_TYPE ) {
		return <CreateQuizPanel />;
	}
	if ( postType === COURSE_POST_TYPE ) {
		return <CreateQuizPanel forCourse />;
	}
	return null;
}
