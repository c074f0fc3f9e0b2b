import { type ClipboardEvent, type DragEvent, useCallback, useEffect, useRef, useState } from 'react';
import { apiPaths } from '@/config/constants';
import { messages } from '@/config/messages';
import { ApiError } from '@/lib/problem';
import { UploadAborted, type UploadHandle, uploadFile } from '@/lib/upload-file';
import type { Attachment } from '@/types/api';

const t = messages.attachments;

export type UploadStatus = 'uploading' | 'done' | 'failed';

/** One file on its way into the composer's next message. */
export interface Upload {
  key: string;
  name: string;
  size: number;
  /** Bytes sent so far, from the upload's own progress events. */
  loaded: number;
  status: UploadStatus;
  error?: string;
  attachment?: Attachment;
  /** A local object URL for an image, shown while it uploads. */
  localPreview?: string;
}

let counter = 0;

function filesPath(channelId: string, name: string): string {
  return `${apiPaths.files}?channelId=${encodeURIComponent(channelId)}&name=${encodeURIComponent(name)}`;
}

/**
 * The composer's pending files: each starts uploading as soon as it is added (button, drop or paste), reports
 * its progress, and can be cancelled or removed before the message is sent.
 */
export function useUploads(channelId: string) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const handles = useRef(new Map<string, UploadHandle<Attachment>>());

  const update = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      for (const file of files) {
        const key = `upload-${++counter}`;
        const localPreview =
          file.type.startsWith('image/') && typeof URL.createObjectURL === 'function'
            ? URL.createObjectURL(file)
            : undefined;
        const name = file.name || t.pastedImageName;
        setUploads((list) => [
          ...list,
          { key, name, size: file.size, loaded: 0, status: 'uploading', localPreview },
        ]);
        const handle = uploadFile<Attachment>(filesPath(channelId, name), file, (loaded) =>
          update(key, { loaded }),
        );
        handles.current.set(key, handle);
        handle.done.then(
          (attachment) => update(key, { status: 'done', loaded: file.size, attachment }),
          (error: unknown) => {
            if (error instanceof UploadAborted) return;
            update(key, {
              status: 'failed',
              error: error instanceof ApiError ? error.message : t.failed,
            });
          },
        );
        void handle.done.catch(() => undefined).finally(() => handles.current.delete(key));
      }
    },
    [channelId, update],
  );

  /** Cancels an upload still running, or removes a finished or failed one. */
  const remove = useCallback((key: string) => {
    handles.current.get(key)?.abort();
    setUploads((list) => {
      const gone = list.find((u) => u.key === key);
      if (gone?.localPreview) URL.revokeObjectURL(gone.localPreview);
      return list.filter((u) => u.key !== key);
    });
  }, []);

  /** Empties the tray after sending (the files now belong to the message). */
  const clear = useCallback(() => {
    setUploads((list) => {
      list.forEach((u) => u.localPreview && URL.revokeObjectURL(u.localPreview));
      return [];
    });
  }, []);

  // A conversation switch leaves its uploads behind: stop the ones still running.
  useEffect(() => {
    const running = handles.current;
    return () => running.forEach((h) => h.abort());
  }, [channelId]);

  const [dragging, setDragging] = useState(false);
  const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  /** Spread on the drop zone (the composer's form). */
  const dropProps = {
    onDragOver: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (e: DragEvent) => {
      setDragging(false);
      if (!e.dataTransfer?.files?.length) return;
      e.preventDefault();
      add(Array.from(e.dataTransfer.files));
    },
  };
  /** On the text field: a pasted image (or file) becomes an upload; pasted text stays text. */
  const onPaste = (e: ClipboardEvent) => {
    const files = Array.from(e.clipboardData?.files ?? []);
    if (files.length === 0) return;
    e.preventDefault();
    add(files);
  };

  const ready = uploads
    .filter((u) => u.status === 'done' && u.attachment)
    .map((u) => u.attachment as Attachment);
  const busy = uploads.some((u) => u.status === 'uploading');
  return { uploads, add, remove, clear, ready, busy, dragging, dropProps, onPaste };
}
