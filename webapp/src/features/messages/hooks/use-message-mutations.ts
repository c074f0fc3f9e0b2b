import { useDeleteMessage } from '../api/delete-message';
import { useEditMessage } from '../api/edit-message';
import { usePinMessage } from '../api/pin-message';
import { useReactToMessage } from '../api/react-to-message';
import { useRemovePreview } from '../api/remove-preview';
import { useSaveMessage } from '../api/save-message';

/**
 * Edit, delete, react, pin, save and remove a link preview, together for the timeline's rows; each answer (or,
 * for delete, the event) updates the cache.
 */
export function useMessageMutations(selfId: string) {
  return {
    edit: useEditMessage(selfId),
    remove: useDeleteMessage(selfId),
    react: useReactToMessage(selfId),
    pin: usePinMessage(selfId),
    save: useSaveMessage(selfId),
    removePreview: useRemovePreview(selfId),
  };
}
