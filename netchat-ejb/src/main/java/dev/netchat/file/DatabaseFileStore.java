package dev.netchat.file;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores blobs in the database as rows of {@value #CHUNK_BYTES} bytes: every node of a cluster serves what any
 * node stored, without a shared disk, the files are backed up with the database, and a file of any size streams
 * with one chunk in memory on H2 and PostgreSQL alike. A connection is borrowed per chunk, so a slow client
 * never holds one for the length of its upload.
 */
@ApplicationScoped
@Typed(DatabaseFileStore.class)
public class DatabaseFileStore implements FileStore {

    static final int CHUNK_BYTES = 256 * 1024;

    /** Pieces removed per DELETE: 1 MiB of bytes, a short transaction. */
    static final int PIECES_PER_DELETE = 4;

    @Resource(lookup = "java:jboss/datasources/NetChatDS")
    DataSource dataSource;

    /**
     * How many upload pieces may be written at once on this node (each a short transaction of its own). Uploads
     * beyond it wait their turn for each piece, so ten parallel uploads take at most this many of the
     * connection pool's connections and of the database's time, and posting and reading messages keep theirs
     * (docs/PERFORMANCE.md, "Files").
     */
    @Inject
    @ConfigProperty(name = "netchat.files.max-concurrent-chunk-writes", defaultValue = "2")
    int maxConcurrentChunkWrites;

    private Semaphore writers;

    @PostConstruct
    void start() {
        writers = new Semaphore(Math.max(1, maxConcurrentChunkWrites), true);
    }

    @Override
    public long write(String blobId, InputStream in, long maxBytes) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        long total = 0;
        int index = 0;
        try {
            while (true) {
                int filled = in.readNBytes(chunk, 0, CHUNK_BYTES);
                if (filled == 0) {
                    return total;
                }
                total += filled;
                if (total > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                insert(blobId, index++, chunk, filled);
                if (filled < CHUNK_BYTES) {
                    return total;
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(blobId);
            throw e;
        }
    }

    private void insert(String blobId, int index, byte[] chunk, int length) throws IOException {
        takeTurn(blobId);
        try {
            insertNow(blobId, index, chunk, length);
        } finally {
            writers.release();
        }
    }

    /** Waits for one of the node's write turns; the caller releases it. */
    private void takeTurn(String blobId) throws IOException {
        try {
            writers.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting to write " + blobId, e);
        }
    }

    private void insertNow(String blobId, int index, byte[] chunk, int length) throws IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("INSERT INTO file_chunks (blob_id, idx, data) VALUES (?, ?, ?)")) {
            s.setString(1, blobId);
            s.setInt(2, index);
            s.setBytes(3, length == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, length));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("Could not store a piece of " + blobId, e);
        }
    }

    @Override
    public InputStream open(String blobId) {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int position;
            private int nextIndex;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (position >= current.length) {
                    if (ended) {
                        return -1;
                    }
                    byte[] next = chunk(blobId, nextIndex++);
                    if (next == null) {
                        ended = true;
                        return -1;
                    }
                    current = next;
                    position = 0;
                }
                int n = Math.min(len, current.length - position);
                System.arraycopy(current, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    private byte[] chunk(String blobId, int index) throws IOException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT data FROM file_chunks WHERE blob_id = ? AND idx = ?")) {
            s.setString(1, blobId);
            s.setInt(2, index);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("Could not read a piece of " + blobId, e);
        }
    }

    /**
     * Removes a blob {@value #PIECES_PER_DELETE} pieces at a time, each batch its own short transaction taken in
     * turn with the writes: one DELETE of a 50 MB blob was one large transaction on H2 (its undo log holds every
     * removed byte) that every other commit, chat's included, waited behind for seconds.
     */
    @Override
    public void delete(String blobId) throws IOException {
        int last;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT MAX(idx) FROM file_chunks WHERE blob_id = ?")) {
            s.setString(1, blobId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                last = r.getInt(1);
                if (r.wasNull()) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not remove " + blobId, e);
        }
        for (int from = 0; from <= last; from += PIECES_PER_DELETE) {
            takeTurn(blobId);
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s =
                            c.prepareStatement("DELETE FROM file_chunks WHERE blob_id = ? AND idx >= ? AND idx < ?")) {
                s.setString(1, blobId);
                s.setInt(2, from);
                s.setInt(3, from + PIECES_PER_DELETE);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IOException("Could not remove " + blobId, e);
            } finally {
                writers.release();
            }
        }
    }
}
