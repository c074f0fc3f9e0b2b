package dev.netchat.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Stores blobs as files under one folder (two levels of sub-folders by the id's first characters). On several
 * nodes the folder must be shared storage that every node mounts; the database store needs nothing of the kind.
 */
final class FolderFileStore implements FileStore {

    private final Path root;

    FolderFileStore(Path root) {
        this.root = root;
    }

    private Path path(String blobId) {
        if (!blobId.matches("[A-Za-z0-9.-]{8,64}")) {
            throw new IllegalArgumentException("Not a blob id: " + blobId);
        }
        return root.resolve(blobId.substring(0, 2))
                .resolve(blobId.substring(2, 4))
                .resolve(blobId);
    }

    @Override
    public long write(String blobId, InputStream in, long maxBytes) throws IOException {
        Path target = path(blobId);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(blobId + ".partial");
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(partial)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return total;
    }

    @Override
    public InputStream open(String blobId) throws IOException {
        return Files.newInputStream(path(blobId));
    }

    @Override
    public void delete(String blobId) throws IOException {
        Files.deleteIfExists(path(blobId));
    }
}
