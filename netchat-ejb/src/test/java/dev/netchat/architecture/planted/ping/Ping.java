package dev.netchat.architecture.planted.ping;

import dev.netchat.architecture.planted.pong.Pong;

/** Half of a cycle planted on purpose: PackageCyclesTest checks that its rule notices. */
public class Ping {
    Pong pong;
}
