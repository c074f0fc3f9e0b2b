/** Who is online: a user is online while any of their sockets is open on this node. */
package dev.netchat.presence;
