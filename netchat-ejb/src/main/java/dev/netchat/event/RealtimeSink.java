package dev.netchat.event;

/** Where committed events go: the local socket hub, or a bridge to other cluster nodes. Must never block. */
public interface RealtimeSink {

    void channelEvent(ChannelEventRecorded event);

    void ephemeralEvent(EphemeralEventRecorded event);

    void sessionsEnded(SessionsEnded event);
}
