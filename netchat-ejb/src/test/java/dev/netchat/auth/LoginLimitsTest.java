package dev.netchat.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginLimitsTest {

    private final LoginLimits limits = new LoginLimits(5, 20, 10);

    @Test
    void aGuesserOnOneUsernameFromOneAddressIsRefusedAfterFiveFailures() {
        assertThat(limits.refusal(new LoginLimits.Counts(4, 4, 4, false))).isNull();
        assertThat(limits.refusal(new LoginLimits.Counts(5, 5, 5, false))).contains("this username from this address");
    }

    @Test
    void anAddressSprayingManyUsernamesIsRefused() {
        assertThat(limits.refusal(new LoginLimits.Counts(1, 19, 1, false))).isNull();
        assertThat(limits.refusal(new LoginLimits.Counts(1, 20, 1, false))).contains("from this address");
    }

    @Test
    void guessingSpreadOverAddressesRefusesUnfamiliarAddressesButNotTheOwnersUsualOne() {
        LoginLimits.Counts stranger = new LoginLimits.Counts(0, 0, 10, false);
        LoginLimits.Counts owner = new LoginLimits.Counts(0, 0, 10, true);
        assertThat(limits.refusal(stranger)).contains("unfamiliar");
        assertThat(limits.refusal(owner)).isNull();
    }

    @Test
    void theOwnersOwnTyposFromTheUsualAddressStillCount() {
        assertThat(limits.refusal(new LoginLimits.Counts(5, 5, 5, true))).isNotNull();
    }
}
