package dev.netchat.file;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The short transactions around an upload, whose bytes are written outside any transaction: the row is
 * committed as UPLOADING before the first byte is stored, and becomes READY once all are.
 */
@Stateless
public class FileRecords {

    @Inject
    FileRepository files;

    public StoredFile begin(String kind, String uploaderId, String channelId, String name) {
        StoredFile file = new StoredFile(kind, uploaderId, channelId, name, Instant.now());
        files.add(file);
        return file;
    }

    public StoredFile ready(String id, String mediaType, long size, Integer width, Integer height) {
        StoredFile file = files.find(id).orElseThrow();
        file.ready(mediaType, size, width, height);
        return file;
    }

    public void forget(String id) {
        files.find(id).ifPresent(files::remove);
    }
}
