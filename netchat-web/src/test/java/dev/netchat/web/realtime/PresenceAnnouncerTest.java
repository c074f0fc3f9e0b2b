package dev.netchat.web.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netchat.event.Delivery;
import dev.netchat.event.EventCodec;
import dev.netchat.event.RealtimeBus;
import dev.netchat.event.RealtimeEvent;
import dev.netchat.presence.PresenceService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Presence rounds, with the database replaced by a fixed membership and the bus by a direct line to this node's hub
 * (the bus itself is proven by the ITs).
 */
class PresenceAnnouncerTest {

    /** channel "big": alice, bob, carol, dave (offline); channel "pair": alice, erin. */
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "big", Set.of("alice", "bob", "carol", "dave"),
            "pair", Set.of("alice", "erin"));

    private final FakePresenceService db = new FakePresenceService();
    private final ChatHub hub = new ChatHub();
    private final PresenceAnnouncer announcer = new PresenceAnnouncer();

    PresenceAnnouncerTest() {
        ConnectionRegistry registry = new ConnectionRegistry();
        registry.announcer = announcer;
        hub.registry = registry;
        announcer.registry = registry;
        announcer.presenceService = db;
        announcer.bus = new RealtimeBus() {
            @Override
            public void presence(String userId, RealtimeEvent event, Collection<String> userIds) {
                hub.deliver(Delivery.presence(userId, EventCodec.frame(event), List.copyOf(userIds)));
            }
        };
    }

    private static final class FakePresenceService extends PresenceService {
        final List<Collection<String>> activityBatches = new ArrayList<>();
        int memberQueries;
        boolean down;
        /** Users holding a socket on another node. */
        Set<String> elsewhere = Set.of();

        final List<Map<String, Boolean>> socketRounds = new ArrayList<>();

        @Override
        public void recordSockets(String nodeId, Map<String, Boolean> changes) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            socketRounds.add(Map.copyOf(changes));
        }

        @Override
        public Set<String> onlineOnOtherNodes(String nodeId, Collection<String> userIds) {
            return elsewhere;
        }

        @Override
        public Map<String, Set<String>> membersOfSmallChannelsOf(Collection<String> userIds) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            memberQueries++;
            return MEMBERS;
        }

        @Override
        public void recordActivity(Collection<String> userIds, Instant at) {
            activityBatches.add(List.copyOf(userIds));
        }
    }

    private FakeSession open(String userId) {
        FakeSession fake = new FakeSession(true);
        hub.opened(new Connection(
                "c-" + userId + "-" + System.nanoTime(), userId, "s", fake.session(), 100, 1 << 20, Runnable::run));
        return fake;
    }

    private static List<String> presenceFrames(FakeSession fake) {
        return fake.written.stream()
                .filter(f -> f.contains("user.presence.changed"))
                .toList();
    }

    @Test
    void aRoundOfManyArrivalsCostsOneMemberQueryAndOneActivityBatch() {
        open("alice");
        open("bob");
        open("carol");

        announcer.announce();

        assertThat(db.memberQueries).isEqualTo(1);
        assertThat(db.activityBatches).hasSize(1);
        assertThat(db.activityBatches.get(0)).containsExactlyInAnyOrder("alice", "bob", "carol");
    }

    @Test
    void eachArrivalReachesEveryOnlineCoMemberOnceEvenThroughTwoSharedChannels() {
        FakeSession erin = open("erin");
        announcer.announce();
        FakeSession bob = open("bob");
        FakeSession alice = open("alice");

        announcer.announce();

        assertThat(presenceFrames(bob))
                .hasSize(1)
                .allMatch(f -> f.contains("\"id\":\"alice\"") && f.contains("\"online\":true"));
        assertThat(presenceFrames(erin)).hasSize(1).allMatch(f -> f.contains("\"id\":\"alice\""));
        // erin was announced before alice connected (alice reads erin's state with the channel list); bob arrived with
        // her.
        assertThat(presenceFrames(alice)).hasSize(1).allMatch(f -> f.contains("\"id\":\"bob\""));
    }

    @Test
    void theFrameAboutAUserIsSerialisedOnceForAllReceivers() {
        FakeSession bob = open("bob");
        FakeSession carol = open("carol");
        announcer.announce();
        open("alice");

        announcer.announce();

        String toBob = presenceFrames(bob).stream()
                .filter(f -> f.contains("\"id\":\"alice\""))
                .findFirst()
                .orElseThrow();
        String toCarol = presenceFrames(carol).stream()
                .filter(f -> f.contains("\"id\":\"alice\""))
                .findFirst()
                .orElseThrow();
        assertThat(toBob).isSameAs(toCarol);
    }

    @Test
    void onlyTheLastSocketClosingAnnouncesOfflineWithTheLastActiveTime() {
        FakeSession bob = open("bob");
        announcer.announce();
        Connection phone =
                new Connection("phone", "alice", "s", new FakeSession(true).session(), 100, 1 << 20, Runnable::run);
        Connection laptop =
                new Connection("laptop", "alice", "s", new FakeSession(true).session(), 100, 1 << 20, Runnable::run);
        hub.opened(phone);
        hub.opened(laptop);
        announcer.announce();

        hub.closed(phone);
        announcer.announce();
        assertThat(presenceFrames(bob)).hasSize(1);

        hub.closed(laptop);
        announcer.announce();
        assertThat(presenceFrames(bob)).hasSize(2);
        assertThat(presenceFrames(bob).get(1)).contains("\"online\":false").containsPattern("\"lastActive\":\"\\d{4}-");
    }

    @Test
    void arrivalsAreAnnouncedLaterWhenTheDatabaseWasDown() {
        FakeSession bob = open("bob");
        announcer.announce();
        db.down = true;
        open("alice");
        announcer.announce();
        assertThat(presenceFrames(bob)).isEmpty();

        db.down = false;
        announcer.announce();

        assertThat(presenceFrames(bob)).hasSize(1).allMatch(f -> f.contains("\"id\":\"alice\""));
    }

    @Test
    void aUserOnlineOnAnotherNodeIsNoNewsWhenTheyComeOrGoHere() {
        FakeSession bob = open("bob");
        announcer.announce();
        db.elsewhere = Set.of("alice");
        Connection laptop =
                new Connection("laptop", "alice", "s", new FakeSession(true).session(), 100, 1 << 20, Runnable::run);
        hub.opened(laptop);
        announcer.announce();
        hub.closed(laptop);
        announcer.announce();

        assertThat(presenceFrames(bob)).isEmpty();
        assertThat(db.socketRounds)
                .as("this node's share is still written")
                .contains(Map.of("alice", true), Map.of("alice", false));
    }
}
