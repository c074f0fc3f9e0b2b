package dev.netchat.web.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresenceChangesTest {

    private final PresenceChanges changes = new PresenceChanges();

    @Test
    void aUserWhoComesOnlineIsAnnouncedOnceAndCountsAsActive() {
        changes.record("alice", true);

        PresenceChanges.Round round = changes.drain();

        assertThat(round.changes()).containsExactly(new PresenceChanges.Change("alice", true));
        assertThat(round.active()).containsOnlyKeys("alice");
        changes.announced(round);
        assertThat(changes.drain().isEmpty()).isTrue();
    }

    @Test
    void aUserWhoComesAndGoesWithinOneRoundIsNotAnnouncedButWasActive() {
        changes.record("alice", true);
        changes.record("alice", false);

        PresenceChanges.Round round = changes.drain();

        assertThat(round.changes()).isEmpty();
        assertThat(round.active()).containsOnlyKeys("alice");
    }

    @Test
    void anOnlineUserWhoReconnectsWithinOneRoundIsNotAnnouncedAgain() {
        changes.record("alice", true);
        changes.announced(changes.drain());

        changes.record("alice", false);
        changes.record("alice", true);

        assertThat(changes.drain().changes()).isEmpty();
    }

    @Test
    void goingOfflineAfterAnAnnouncedOnlineIsAnnounced() {
        changes.record("alice", true);
        changes.announced(changes.drain());

        changes.record("alice", false);

        assertThat(changes.drain().changes()).containsExactly(new PresenceChanges.Change("alice", false));
    }

    @Test
    void aRoundThatCouldNotBeAnnouncedIsTriedAgainUnlessANewerStateArrived() {
        changes.record("alice", true);
        changes.record("bob", true);
        PresenceChanges.Round failed = changes.drain();
        changes.record("bob", false);

        changes.restore(failed);

        assertThat(changes.drain().changes()).containsExactlyInAnyOrder(new PresenceChanges.Change("alice", true));
    }
}
