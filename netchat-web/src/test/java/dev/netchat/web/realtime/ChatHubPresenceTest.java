package dev.netchat.web.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netchat.presence.PresenceRegistry;
import dev.netchat.presence.PresenceService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Presence rounds of the hub, with the database replaced by a fixed membership. */
class ChatHubPresenceTest {

    /** channel "big": alice, bob, carol, dave (offline); channel "pair": alice, erin. */
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "big", Set.of("alice", "bob", "carol", "dave"),
            "pair", Set.of("alice", "erin"));

    private final FakePresenceService db = new FakePresenceService();
    private final ChatHub hub = new ChatHub();

    ChatHubPresenceTest() {
        hub.presence = new PresenceRegistry();
        hub.presenceService = db;
    }

    private static final class FakePresenceService extends PresenceService {
        final List<Collection<String>> activityBatches = new ArrayList<>();
        int memberQueries;
        boolean down;

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
        hub.opened(new Connection("c-" + userId + "-" + System.nanoTime(), userId, "s", fake.session(), 100, 1 << 20, Runnable::run));
        return fake;
    }

    private static List<String> presenceFrames(FakeSession fake) {
        return fake.written.stream().filter(f -> f.contains("user.presence.changed")).toList();
    }

    @Test
    void aRoundOfManyArrivalsCostsOneMemberQueryAndOneActivityBatch() {
        open("alice");
        open("bob");
        open("carol");

        hub.announcePresence();

        assertThat(db.memberQueries).isEqualTo(1);
        assertThat(db.activityBatches).hasSize(1);
        assertThat(db.activityBatches.get(0)).containsExactlyInAnyOrder("alice", "bob", "carol");
    }

    @Test
    void eachArrivalReachesEveryOnlineCoMemberOnceEvenThroughTwoSharedChannels() {
        FakeSession erin = open("erin");
        hub.announcePresence();
        FakeSession bob = open("bob");
        FakeSession alice = open("alice");

        hub.announcePresence();

        assertThat(presenceFrames(bob)).hasSize(1).allMatch(f -> f.contains("\"id\":\"alice\"") && f.contains("\"online\":true"));
        assertThat(presenceFrames(erin)).hasSize(1).allMatch(f -> f.contains("\"id\":\"alice\""));
        // erin was announced before alice connected (alice reads erin's state with the channel list); bob arrived with her.
        assertThat(presenceFrames(alice)).hasSize(1).allMatch(f -> f.contains("\"id\":\"bob\""));
    }

    @Test
    void theFrameAboutAUserIsSerialisedOnceForAllReceivers() {
        FakeSession bob = open("bob");
        FakeSession carol = open("carol");
        hub.announcePresence();
        open("alice");

        hub.announcePresence();

        String toBob = presenceFrames(bob).stream().filter(f -> f.contains("\"id\":\"alice\"")).findFirst().orElseThrow();
        String toCarol = presenceFrames(carol).stream().filter(f -> f.contains("\"id\":\"alice\"")).findFirst().orElseThrow();
        assertThat(toBob).isSameAs(toCarol);
    }

    @Test
    void onlyTheLastSocketClosingAnnouncesOfflineWithTheLastActiveTime() {
        FakeSession bob = open("bob");
        hub.announcePresence();
        Connection phone = new Connection("phone", "alice", "s", new FakeSession(true).session(), 100, 1 << 20, Runnable::run);
        Connection laptop = new Connection("laptop", "alice", "s", new FakeSession(true).session(), 100, 1 << 20, Runnable::run);
        hub.opened(phone);
        hub.opened(laptop);
        hub.announcePresence();

        hub.closed(phone);
        hub.announcePresence();
        assertThat(presenceFrames(bob)).hasSize(1);

        hub.closed(laptop);
        hub.announcePresence();
        assertThat(presenceFrames(bob)).hasSize(2);
        assertThat(presenceFrames(bob).get(1)).contains("\"online\":false").containsPattern("\"lastActive\":\"\\d{4}-");
    }

    @Test
    void arrivalsAreAnnouncedLaterWhenTheDatabaseWasDown() {
        FakeSession bob = open("bob");
        hub.announcePresence();
        db.down = true;
        open("alice");
        hub.announcePresence();
        assertThat(presenceFrames(bob)).isEmpty();

        db.down = false;
        hub.announcePresence();

        assertThat(presenceFrames(bob)).hasSize(1).allMatch(f -> f.contains("\"id\":\"alice\""));
    }
}
