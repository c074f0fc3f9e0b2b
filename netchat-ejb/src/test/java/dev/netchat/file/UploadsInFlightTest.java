package dev.netchat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netchat.shared.TooManyRequestsException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadsInFlightTest {

    private final UploadsInFlight inFlight = new UploadsInFlight(3);

    @Test
    void aUserWithAsManyUploadsRunningAsAllowedIsRefusedWithRetryAfterAndOthersAreNot() {
        List<UploadsInFlight.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slots.add(inFlight.start("ann", 100));
        }
        assertThatThrownBy(() -> inFlight.start("ann", 100))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isEqualTo(UploadsInFlight.RETRY_AFTER_SECONDS);
                    assertThat(e.getMessage()).contains("3 uploads running");
                });
        assertThat(inFlight.running("ann")).as("a refusal takes no slot").isEqualTo(3);
        try (UploadsInFlight.Slot bob = inFlight.start("bob", 5)) {
            assertThat(inFlight.running("bob")).isEqualTo(1);
        }
        slots.forEach(UploadsInFlight.Slot::close);
    }

    @Test
    void anEndedUploadFreesItsSlotAndItsReservedBytesOnceEvenIfClosedTwice() {
        UploadsInFlight.Slot first = inFlight.start("ann", 1000);
        UploadsInFlight.Slot second = inFlight.start("ann", 250);
        assertThat(inFlight.reservedBytes("ann")).isEqualTo(1250);
        assertThat(inFlight.reservedBytes("bob")).isZero();

        first.close();
        first.close();
        assertThat(inFlight.running("ann")).isEqualTo(1);
        assertThat(inFlight.reservedBytes("ann")).isEqualTo(250);

        second.close();
        assertThat(inFlight.running("ann")).isZero();
        assertThat(inFlight.reservedBytes("ann")).isZero();
        for (int i = 0; i < 3; i++) {
            inFlight.start("ann", 1);
        }
        assertThat(inFlight.running("ann")).isEqualTo(3);
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> new UploadsInFlight(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("netchat.files.max-uploads-in-flight-per-user");
    }
}
