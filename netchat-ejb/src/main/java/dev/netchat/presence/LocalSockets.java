package dev.netchat.presence;

/** This node's open sockets, as the web module's connection registry knows them. */
public interface LocalSockets {

    boolean hasSockets(String userId);

    int openSockets();
}
