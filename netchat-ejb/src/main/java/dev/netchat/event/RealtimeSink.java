package dev.netchat.event;

/** This node's sockets (the web module's connection registry), as the bus listener hands deliveries to them. Must never block. */
public interface RealtimeSink {

    void deliver(Delivery delivery);
}
