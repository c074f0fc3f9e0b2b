package dev.netchat.file;

/**
 * A file as messages carry it. {@code url} serves the original (inline for safe raster images, a download for
 * everything else); images also have a re-encoded {@code thumbnailUrl} and {@code previewUrl} and their size,
 * so that clients reserve the space before the picture loads. Every URL needs the caller's session.
 */
public record AttachmentDto(
        String id,
        String name,
        String mediaType,
        long size,
        Integer width,
        Integer height,
        String url,
        String thumbnailUrl,
        String previewUrl) {

    static AttachmentDto of(StoredFile f) {
        String base = "/api/files/" + f.getId();
        boolean image = f.isImage();
        return new AttachmentDto(
                f.getId(),
                f.getName(),
                f.getMediaType(),
                f.getSizeBytes(),
                f.getWidth(),
                f.getHeight(),
                base,
                image ? base + "/thumbnail" : null,
                image ? base + "/preview" : null);
    }
}
