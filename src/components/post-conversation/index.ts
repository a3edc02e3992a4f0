export { PostConversation } from './post-conversation';
