package dev.netchat.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

    @Test
    void aStatusMovesOnlyForwardInAMessagesLife() {
        assertThat(DeliveryStatus.supersedes("queued", null)).isTrue();
        assertThat(DeliveryStatus.supersedes("sent", "queued")).isTrue();
        assertThat(DeliveryStatus.supersedes("delivered", "sent")).isTrue();
        assertThat(DeliveryStatus.supersedes("sent", "delivered"))
                .as("a late sent")
                .isFalse();
        assertThat(DeliveryStatus.supersedes("queued", "sent")).isFalse();
        assertThat(DeliveryStatus.supersedes("read", "delivered")).isTrue();
    }

    @Test
    void aFinalStateNeverBecomesAnother() {
        assertThat(DeliveryStatus.supersedes("undelivered", "delivered")).isFalse();
        assertThat(DeliveryStatus.supersedes("delivered", "failed")).isFalse();
        assertThat(DeliveryStatus.supersedes("delivered", "delivered")).isFalse();
    }
}
