package dev.netchat.web.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netchat.event.Delivery;
import jakarta.websocket.CloseReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    private static Delivery event(String channel, long seq) {
        return new Delivery(
                Delivery.Kind.CHANNEL,
                "{\"channelId\":\"" + channel + "\",\"seq\":" + seq + "}",
                channel,
                seq,
                List.of("u1"),
                null,
                null,
                null,
                null,
                null);
    }

    private static Connection connection(FakeSession fake, int maxQueued) {
        return new Connection("c1", "u1", "s1", fake.session(), maxQueued, 1 << 20, Runnable::run);
    }

    @Test
    void closesAClientWhoseQueuedFramesOutgrowTheByteLimit() {
        FakeSession fake = new FakeSession(false);
        Connection c = new Connection("c1", "u1", "s1", fake.session(), 1000, 10_000, Runnable::run);

        for (int i = 0; i < 5 && fake.closedWith == null; i++) {
            c.send("x".repeat(3000));
        }

        assertThat(fake.closedWith).isNotNull();
    }

    @Test
    void sendsLiveEventsOnceAndInOrder() {
        FakeSession fake = new FakeSession(true);
        Connection c = connection(fake, 100);

        c.channelEvent(event("a", 1));
        c.channelEvent(event("a", 2));
        c.channelEvent(event("a", 2));
        c.channelEvent(event("a", 1));

        assertThat(fake.written)
                .containsExactly(event("a", 1).frame(), event("a", 2).frame());
    }

    @Test
    void keepsOneWriteInFlightAndQueuesTheRest() {
        FakeSession fake = new FakeSession(false);
        Connection c = connection(fake, 100);

        c.send("one");
        c.send("two");
        c.send("three");
        assertThat(fake.written).containsExactly("one");
        assertThat(c.queued()).isEqualTo(2);

        fake.completeOne();
        fake.completeOne();
        assertThat(fake.written).containsExactly("one", "two", "three");
    }

    @Test
    void closesAClientThatLetsItsQueueFillUpWithoutBlockingTheSender() {
        FakeSession fake = new FakeSession(false);
        Connection c = connection(fake, 10);

        for (int i = 0; i < 50; i++) {
            c.send("frame " + i);
        }

        assertThat(fake.closedWith).isNotNull();
        assertThat(fake.closedWith.getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
        // Nothing more is queued for a closed connection: memory stays bounded.
        assertThat(c.queued()).isZero();
    }

    @Test
    void aResumeReplaysTheGapThenTheLiveEventsHeldMeanwhileWithoutDuplicates() {
        FakeSession fake = new FakeSession(true);
        Connection c = connection(fake, 100);

        long from = c.beginResume("a", 3);
        // Live events arrive while the replay is read from the log; 5 is also in the replay.
        c.channelEvent(event("a", 5));
        c.channelEvent(event("a", 6));
        c.completeResume("a", from, List.of(event("a", 4).frame(), event("a", 5).frame()), null, 5);

        assertThat(from).isEqualTo(3);
        assertThat(fake.written)
                .containsExactly(
                        event("a", 4).frame(),
                        event("a", 5).frame(),
                        event("a", 6).frame());
    }

    @Test
    void aResumeAfterLiveEventsThatLeftAGapAsksForAResync() {
        FakeSession fake = new FakeSession(true);
        Connection c = connection(fake, 100);
        c.channelEvent(event("a", 9));

        // The client only has up to 7; 8 was never sent, 9 was: the replay cannot put 8 before 9.
        assertThat(c.beginResume("a", 7)).isEqualTo(-1);
        // A client that already had everything before the live event resumes after the live one.
        c.completeResume("a", 0, List.of(), "{\"type\":\"resync.required\"}", 9);
        assertThat(c.beginResume("a", 8)).isEqualTo(9);
    }

    @Test
    void otherChannelsFlowWhileOneIsBeingResumed() {
        FakeSession fake = new FakeSession(true);
        Connection c = connection(fake, 100);
        c.beginResume("a", 0);

        c.channelEvent(event("b", 1));
        c.channelEvent(event("a", 1));

        assertThat(fake.written).containsExactly(event("b", 1).frame());
    }

    @Test
    void presenceFramesWaitBehindOtherFramesAndALaterStateReplacesAnEarlierOne() {
        FakeSession fake = new FakeSession(false);
        Connection c = connection(fake, 100);
        c.send("hello");

        c.presence("alice", "alice online");
        c.send("message");
        c.presence("bob", "bob online");
        c.presence("alice", "alice offline");
        for (int i = 0; i < 3; i++) {
            fake.completeOne();
        }

        assertThat(fake.written).containsExactly("hello", "message", "alice offline", "bob online");
    }

    @Test
    void aBurstOfPresenceLargerThanTheQueueDoesNotCloseTheSocket() {
        FakeSession fake = new FakeSession(false);
        Connection c = connection(fake, 10);
        c.send("hello");

        for (int i = 0; i < 1000; i++) {
            c.presence("user" + i, "{\"type\":\"user.presence.changed\"}");
        }

        assertThat(fake.closedWith).isNull();
        assertThat(c.presenceWaiting()).isEqualTo(1000);
    }

    @Test
    void aLongBacklogDrainsWithoutRecursingWhenTheContainerCompletesWritesInline() {
        FakeSession fake = new FakeSession(false);
        Connection c = connection(fake, 100);
        c.send("hello");
        int backlog = 50_000;
        for (int i = 0; i < backlog; i++) {
            c.presence("user" + i, "presence " + i);
        }

        fake.completeAtOnce = true;
        fake.completeOne();

        assertThat(fake.written).hasSize(backlog + 1).endsWith("presence " + (backlog - 1));
        assertThat(c.presenceWaiting()).isZero();
        assertThat(fake.closedWith).isNull();
    }
}
