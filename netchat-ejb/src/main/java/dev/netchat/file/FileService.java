package dev.netchat.file;

import dev.netchat.channel.ChannelRepository;
import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.NotFoundException;
import dev.netchat.shared.TooLargeException;
import dev.netchat.shared.TooManyRequestsException;
import dev.netchat.user.UserService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * File use cases: upload (streamed to the {@link FileStore} outside any transaction), attach to a message,
 * download with the channel's access rule, removal with the message, and avatars.
 */
@Stateless
public class FileService {

    private static final Logger LOG = Logger.getLogger(FileService.class.getName());
    static final int THUMBNAIL_EDGE = 480;
    static final int PREVIEW_EDGE = 1600;
    /** Square avatar edges in pixels; clients pick the smallest at least twice the size they show. */
    public static final List<Integer> AVATAR_SIZES = List.of(64, 128, 256);

    @Inject
    FileRepository files;

    @Inject
    FileStore store;

    @EJB
    FileRecords records;

    @Inject
    ChannelRepository channels;

    @EJB
    UserService userService;

    @Inject
    dev.netchat.user.UserRepository users;

    @Inject
    ExternalAvatars externalAvatars;

    @Inject
    UploadsInFlight inFlight;

    @Inject
    UploadPacer pacer;

    @Inject
    Event<FilesRemoved> filesRemoved;

    @Inject
    @ConfigProperty(name = "netchat.files.max-file-bytes", defaultValue = "26214400")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "netchat.files.max-message-bytes", defaultValue = "104857600")
    long maxMessageBytes;

    @Inject
    @ConfigProperty(name = "netchat.files.max-per-message", defaultValue = "10")
    int maxPerMessage;

    @Inject
    @ConfigProperty(name = "netchat.files.quota-bytes-per-day", defaultValue = "1073741824")
    long quotaBytesPerDay;

    @Inject
    @ConfigProperty(name = "netchat.files.uploads-per-hour", defaultValue = "300")
    long uploadsPerHour;

    @Inject
    @ConfigProperty(name = "netchat.avatars.max-bytes", defaultValue = "5242880")
    long maxAvatarBytes;

    /**
     * Stores an upload to a channel the caller belongs to. {@code declaredLength} is the Content-Length (-1 when
     * unknown): over the limit it is refused before a byte is read; a body without a length is cut off at it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AttachmentDto upload(String userId, String channelId, String name, long declaredLength, InputStream body) {
        String cleanName = cleanName(name);
        if (declaredLength > maxFileBytes) {
            throw tooLarge();
        }
        if (channelId == null || !channels.isMember(channelId, userId)) {
            throw NotFoundException.channel();
        }
        // What this upload may bring: its declared length, or the limit when it declares none.
        long expected = declaredLength >= 0 ? declaredLength : maxFileBytes;
        // Refused here, before a byte of the body is read and before anything is stored.
        checkQuota(userId, inFlight.reservedBytes(userId) + expected);
        try (UploadsInFlight.Slot slot = inFlight.start(userId, expected)) {
            return receive(userId, channelId, cleanName, pacer.paced(body));
        }
    }

    private AttachmentDto receive(String userId, String channelId, String cleanName, InputStream body) {
        StoredFile file = records.begin(StoredFile.ATTACHMENT, userId, channelId, cleanName);
        try {
            byte[] prefix = body.readNBytes(TypeSniffer.PREFIX_BYTES);
            if (prefix.length == 0) {
                throw InvalidInputException.of("body", "The file is empty.");
            }
            String type = TypeSniffer.sniff(prefix);
            long size = store.write(
                    file.blobId(null), new SequenceInputStream(new ByteArrayInputStream(prefix), body), maxFileBytes);
            Integer width = null;
            Integer height = null;
            if (TypeSniffer.decodable(type)) {
                var decoded = decodeStored(file.blobId(null), type, PREVIEW_EDGE);
                if (decoded.isPresent()) {
                    var image = decoded.get();
                    writeVariant(file.blobId("preview"), ImageVariants.fit(image.pixels(), PREVIEW_EDGE));
                    writeVariant(file.blobId("thumbnail"), ImageVariants.fit(image.pixels(), THUMBNAIL_EDGE));
                    width = image.width();
                    height = image.height();
                }
            }
            return AttachmentDto.of(records.ready(file.getId(), type, size, width, height));
        } catch (FileStore.BlobTooLargeException e) {
            discard(file);
            throw tooLarge();
        } catch (IOException e) {
            // The client went away, the server's own cap cut a body of unknown length, or the store failed:
            // nothing half-written stays behind.
            discard(file);
            if (e.getClass().getSimpleName().equals("RequestTooBigException")) {
                throw tooLarge();
            }
            throw InvalidInputException.of("body", "The upload did not complete.");
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        }
    }

    private TooLargeException tooLarge() {
        return new TooLargeException("A file may be at most " + maxFileBytes + " bytes.");
    }

    /** {@code coming}: the bytes of this upload and of the user's others still running on this node. */
    private void checkQuota(String userId, long coming) {
        Instant now = Instant.now();
        long[] day = files.uploadedSince(userId, now.minus(Duration.ofDays(1)));
        if (day[0] + coming > quotaBytesPerDay) {
            throw new TooManyRequestsException("You uploaded as much as allowed in a day; try again later.", 3600);
        }
        long[] hour = files.uploadedSince(userId, now.minus(Duration.ofHours(1)));
        if (hour[1] >= uploadsPerHour) {
            throw new TooManyRequestsException(
                    "You uploaded as many files as allowed in an hour; try again later.", 600);
        }
    }

    private Optional<ImageVariants.Decoded> decodeStored(String blobId, String type, int edge) throws IOException {
        try (InputStream in = store.open(blobId)) {
            return ImageVariants.decode(in, type, edge);
        }
    }

    private void writeVariant(String blobId, java.awt.image.BufferedImage image) throws IOException {
        byte[] jpeg = ImageVariants.jpeg(image);
        store.write(blobId, new ByteArrayInputStream(jpeg), jpeg.length);
    }

    private void discard(StoredFile file) {
        try {
            deleteBlobs(file);
            records.forget(file.getId());
        } catch (RuntimeException e) {
            LOG.warning("Could not discard the upload " + file.getId() + " (the cleanup will): " + e);
        }
    }

    private void deleteBlobs(StoredFile file) {
        try {
            store.delete(file.blobId(null));
            store.delete(file.blobId("thumbnail"));
            store.delete(file.blobId("preview"));
            for (int size : AVATAR_SIZES) {
                store.delete(file.blobId(String.valueOf(size)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Attaches the caller's uploads to a new message of the same channel (in the poster's transaction).
     * Unknown, foreign, unfinished or already attached files are refused as a whole.
     */
    public List<AttachmentDto> attach(String userId, String channelId, String messageId, List<String> fileIds) {
        if (fileIds == null || fileIds.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>(fileIds);
        if (ids.size() > maxPerMessage) {
            throw InvalidInputException.of("attachmentIds", "A message may carry at most " + maxPerMessage + " files.");
        }
        List<StoredFile> found = new ArrayList<>();
        long total = 0;
        for (String id : ids) {
            StoredFile f = files.find(id)
                    .filter(x -> StoredFile.ATTACHMENT.equals(x.getKind()) && StoredFile.READY.equals(x.getStatus()))
                    .filter(x -> userId.equals(x.getUploaderId())
                            && channelId.equals(x.getChannelId())
                            && x.getMessageId() == null)
                    .orElseThrow(() -> InvalidInputException.of(
                            "attachmentIds",
                            "Every attachment must be a finished upload of yours to this channel, not yet posted."));
            total += f.getSizeBytes();
            found.add(f);
        }
        if (total > maxMessageBytes) {
            throw new TooLargeException(
                    "The files of one message may be at most " + maxMessageBytes + " bytes together.");
        }
        found.forEach(f -> f.attachTo(messageId));
        // In upload order, as attachmentsOf lists them: the posted frame and the history show the same order.
        return found.stream()
                .sorted(java.util.Comparator.comparing(StoredFile::getCreatedAt).thenComparing(StoredFile::getId))
                .map(AttachmentDto::of)
                .toList();
    }

    /** The attachments of many messages in one query, in upload order (a deleted message's are gone). */
    public Map<String, List<AttachmentDto>> attachmentsOf(Collection<String> messageIds) {
        return files.ofMessages(messageIds).stream()
                .filter(f -> StoredFile.READY.equals(f.getStatus()))
                .collect(Collectors.groupingBy(
                        StoredFile::getMessageId,
                        LinkedHashMap::new,
                        Collectors.mapping(AttachmentDto::of, Collectors.toList())));
    }

    /**
     * A deleted message's files: in the deleting transaction they stop being served; their bytes are removed
     * after it commits ({@link FilesRemoved}), piece by piece, so that deleting a message with large files
     * neither holds its channel's lock nor writes one large transaction that other commits wait behind.
     */
    public void removeForMessage(String messageId) {
        List<String> removed = new ArrayList<>();
        for (StoredFile f : files.ofMessages(List.of(messageId))) {
            f.removed();
            removed.add(f.getId());
        }
        if (!removed.isEmpty()) {
            filesRemoved.fire(new FilesRemoved(removed));
        }
    }

    /** Removes the bytes and the records of files marked removed (after their message's delete committed). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void purge(List<String> fileIds) {
        for (String id : fileIds) {
            files.find(id).filter(f -> StoredFile.REMOVED.equals(f.getStatus())).ifPresent(this::discard);
        }
    }

    /**
     * What a caller may download: {@code variant} null for the original, or thumbnail / preview. A channel's
     * files only for its members, an upload not yet posted only for its uploader; anything else is unknown.
     */
    public FileDownload download(String userId, String fileId, String variant) {
        StoredFile f = files.find(fileId)
                .filter(x -> StoredFile.ATTACHMENT.equals(x.getKind()) && StoredFile.READY.equals(x.getStatus()))
                .filter(x -> x.getMessageId() == null
                        ? userId.equals(x.getUploaderId())
                        : channels.isMember(x.getChannelId(), userId))
                .orElseThrow(() -> NotFoundException.file());
        if (variant == null) {
            return new FileDownload(
                    f.blobId(null),
                    f.getName(),
                    f.getMediaType(),
                    f.getSizeBytes(),
                    TypeSniffer.inline(f.getMediaType()));
        }
        if (!f.isImage()) {
            throw NotFoundException.fileVariant(variant);
        }
        return new FileDownload(f.blobId(variant), variantName(f.getName()), "image/jpeg", -1, true);
    }

    private static String variantName(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".jpg";
    }

    /** The bytes of a blob that {@link #download} or {@link #avatar} allowed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public InputStream open(FileDownload download) throws IOException {
        return store.open(download.blobId());
    }

    /**
     * A new profile picture: the largest centred square, re-encoded at {@link #AVATAR_SIZES}. The user's avatar
     * URL then names the new picture, and the previous uploaded one is removed.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String uploadAvatar(String userId, long declaredLength, InputStream body) {
        if (declaredLength > maxAvatarBytes) {
            throw new TooLargeException("A profile picture may be at most " + maxAvatarBytes + " bytes.");
        }
        // A profile picture takes one of the user's upload slots like any other upload.
        try (UploadsInFlight.Slot slot =
                inFlight.start(userId, declaredLength >= 0 ? declaredLength : maxAvatarBytes)) {
            return storeAvatar(userId, pacer.paced(body));
        }
    }

    private String storeAvatar(String userId, InputStream body) {
        List<StoredFile> previous = files.avatarsOf(userId);
        StoredFile file = records.begin(StoredFile.AVATAR, userId, null, "avatar.jpg");
        try {
            byte[] prefix = body.readNBytes(TypeSniffer.PREFIX_BYTES);
            String type = prefix.length == 0 ? "" : TypeSniffer.sniff(prefix);
            if (!TypeSniffer.decodable(type)) {
                throw InvalidInputException.of("body", "A profile picture must be a PNG, JPEG, GIF or BMP image.");
            }
            // The original is kept only until its sizes are made.
            store.write(
                    file.blobId(null), new SequenceInputStream(new ByteArrayInputStream(prefix), body), maxAvatarBytes);
            var decoded = decodeStored(file.blobId(null), type, AVATAR_SIZES.get(AVATAR_SIZES.size() - 1))
                    .orElseThrow(() -> InvalidInputException.of("body", "This image could not be read."));
            for (int size : AVATAR_SIZES) {
                writeVariant(file.blobId(String.valueOf(size)), ImageVariants.square(decoded.pixels(), size));
            }
            store.delete(file.blobId(null));
            records.ready(file.getId(), "image/jpeg", 0, decoded.width(), decoded.height());
        } catch (FileStore.BlobTooLargeException e) {
            discard(file);
            throw new TooLargeException("A profile picture may be at most " + maxAvatarBytes + " bytes.");
        } catch (IOException e) {
            discard(file);
            throw InvalidInputException.of("body", "The upload did not complete.");
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        }
        String path = "/api/avatars/" + file.getId();
        userService.useStoredAvatar(userId, path);
        previous.forEach(this::discard);
        return path;
    }

    /** An uploaded avatar at the smallest stored size of at least {@code size} pixels (any signed-in user). */
    public FileDownload avatar(String avatarId, int size) {
        StoredFile f = files.find(avatarId)
                .filter(x -> StoredFile.AVATAR.equals(x.getKind()) && StoredFile.READY.equals(x.getStatus()))
                .orElseThrow(() -> NotFoundException.picture("No such picture."));
        int chosen = AVATAR_SIZES.stream()
                .filter(s -> s >= size)
                .findFirst()
                .orElse(AVATAR_SIZES.get(AVATAR_SIZES.size() - 1));
        return new FileDownload(f.blobId(String.valueOf(chosen)), "avatar-" + chosen + ".jpg", "image/jpeg", -1, true);
    }

    /**
     * A user's avatar given as a URL to another host, fetched by NetChat (issue 17), as a square JPEG; 404 when
     * the user has none, or it cannot be fetched safely (clients then show initials).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public byte[] externalAvatar(String userId) {
        String url = users.find(userId)
                .map(u -> u.getAvatarUrl())
                .filter(u -> u != null && (u.startsWith("https://") || u.startsWith("http://")))
                .orElseThrow(() -> NotFoundException.picture("No picture."));
        ExternalAvatars.Fetched fetched = externalAvatars.fetch(url);
        if (fetched.failure() == ExternalAvatars.Failure.REFUSED_ADDRESS) {
            throw NotFoundException.picture("No picture: its host is not one NetChat fetches pictures from.");
        }
        return fetched.picture().orElseThrow(() -> NotFoundException.picture("No picture."));
    }

    /** Removes attachments never posted and uploads never finished, older than their cut-offs. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int removeAbandoned(Instant unposted, Instant unfinished) {
        int removed = 0;
        for (StoredFile f : files.abandoned(unposted, unfinished, 500)) {
            discard(f);
            removed++;
        }
        return removed;
    }

    private static String cleanName(String name) {
        String n = name == null ? "" : name.strip();
        // Only the last path segment, without control characters; the name is shown and offered on download.
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "");
        if (n.isEmpty()) {
            n = "file";
        }
        if (n.length() > 255) {
            throw InvalidInputException.of("name", "A file name is at most 255 characters long.");
        }
        return n;
    }
}
