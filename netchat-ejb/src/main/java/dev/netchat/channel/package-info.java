/** Channels: team channels and direct/group conversations, their members, read positions and rules. */
package dev.netchat.channel;
