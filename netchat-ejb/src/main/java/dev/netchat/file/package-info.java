/**
 * Files: attachments of messages and avatar pictures, uploaded and served as streams through one storage
 * interface ({@link dev.netchat.file.FileStore}), with the type sniffed from the bytes and images re-encoded.
 */
package dev.netchat.file;
