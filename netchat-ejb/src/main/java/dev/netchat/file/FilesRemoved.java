package dev.netchat.file;

import java.util.List;

/** Files of a deleted message, marked removed in the deleting transaction; their bytes go after it commits. */
public record FilesRemoved(List<String> fileIds) {}
