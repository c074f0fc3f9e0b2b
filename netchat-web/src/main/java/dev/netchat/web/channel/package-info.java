/** REST for channels, their members, read markers and their message history. */
package dev.netchat.web.channel;
