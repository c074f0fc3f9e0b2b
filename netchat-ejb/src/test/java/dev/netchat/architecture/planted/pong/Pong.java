package dev.netchat.architecture.planted.pong;

import dev.netchat.architecture.planted.ping.Ping;

/** The other half of the planted cycle. */
public class Pong {
    Ping ping;
}
