export { AssistantSidebarPlugin } from './plugin';
export { AssistantPanel } from './assistant-panel';
export {
	PLUGIN_NAME,
	SIDEBAR_NAME,
	SUPPORTED_POST_TYPES,
	isSupportedPostType,
} from './constants';
export { applySuggestion } from './apply-suggestion';
export { blocksFromMarkup } from './blocks-from-markup';
export { readEditorContext } from './editor-context';
