package dev.netchat.file;

/** What a caller may download: the bytes' blob and how to serve them. */
public record FileDownload(String blobId, String name, String mediaType, long size, boolean inline) {}
