package dev.netchat.file;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of files live, addressed by blob id. Implementations stream both ways: neither a write nor a
 * read holds a whole file in memory. The database store is the default ({@link DatabaseFileStore}); the folder
 * store ({@link FolderFileStore}) is for operators who prefer a (shared) disk.
 */
public interface FileStore {

    /**
     * Copies the stream into the blob and returns its length.
     *
     * @throws BlobTooLargeException after more than {@code maxBytes} arrived; what was written is removed again
     */
    long write(String blobId, InputStream in, long maxBytes) throws IOException;

    /** The blob's bytes, read on demand. */
    InputStream open(String blobId) throws IOException;

    /** Removes the blob; removing an unknown blob does nothing. */
    void delete(String blobId) throws IOException;

    /** Thrown by {@link #write} when the stream is longer than allowed. */
    final class BlobTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BlobTooLargeException(long maxBytes) {
            super("More than " + maxBytes + " bytes.");
        }
    }
}
