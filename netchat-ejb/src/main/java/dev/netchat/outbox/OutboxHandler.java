package dev.netchat.outbox;

/** Does one kind of outbox work against an outside service (Twilio, Stream). */
public interface OutboxHandler {

    /** Whether the integration is configured; an unconfigured one is never asked to deliver. */
    boolean enabled();

    boolean handles(String kind);

    /**
     * The start every kind it handles shares ("sms", "stream."): its lane. Each lane is drained on its own, so a
     * provider that hangs (until its timeout) never holds up another provider's work.
     */
    String kindPrefix();

    /** Does the entry's work once. Runs outside any transaction; must not throw for expected failures. */
    Outcome deliver(OutboxEntry entry);

    /** What came of an attempt. */
    sealed interface Outcome {
        /** Done; {@code externalId} is the service's id for it, if it gave one. */
        record Done(String externalId) implements Outcome {}

        /** Failed in a way that may pass (5xx, 429, timeout, connection refused): try again later. */
        record Retry(String reason) implements Outcome {}

        /** Failed for good (a 4xx that retrying cannot fix): give up on this entry. */
        record GiveUp(String reason) implements Outcome {}
    }
}
