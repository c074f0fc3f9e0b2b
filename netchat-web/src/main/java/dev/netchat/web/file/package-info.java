/** REST resources for files: upload and download of attachments, and avatar pictures. */
package dev.netchat.web.file;
