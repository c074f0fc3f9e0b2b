/** Fetching from other hosts on a user's behalf (avatar pictures, link previews) without reaching into the server's own network. */
package dev.netchat.fetch;
