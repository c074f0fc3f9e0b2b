/** Link previews: a card under a message for the first page it links to, fetched by NetChat after the post commits. */
package dev.netchat.preview;
