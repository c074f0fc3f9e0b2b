package dev.netchat.web.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netchat.event.Delivery;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelOrderTest {

    private static Delivery e(long seq) {
        return new Delivery(Delivery.Kind.CHANNEL, "{}", "c", seq, List.of(), null, null, null, null, null);
    }

    private static List<Long> seqs(List<Delivery> events) {
        return events.stream().map(Delivery::seq).toList();
    }

    @Test
    void holdsALaterEventUntilTheEarlierOneArrives() {
        ChannelOrder order = new ChannelOrder();
        assertThat(seqs(order.accept(e(1), 0))).containsExactly(1L);
        assertThat(seqs(order.accept(e(3), 0))).isEmpty();
        assertThat(seqs(order.accept(e(2), 0))).containsExactly(2L, 3L);
    }

    @Test
    void aStartedOrderWaitsForTheEarlierEventsItWasToldAbout() {
        ChannelOrder order = new ChannelOrder();
        order.startAt(1);
        assertThat(order.accept(e(2), 0)).isEmpty();
        assertThat(seqs(order.accept(e(1), 0))).containsExactly(1L, 2L);
    }

    @Test
    void dropsWhatWasAlreadyDispatched() {
        ChannelOrder order = new ChannelOrder();
        order.accept(e(1), 0);
        assertThat(order.accept(e(1), 0)).isEmpty();
    }

    @Test
    void reportsAnOverdueGapAndFillsItFromTheLog() {
        ChannelOrder order = new ChannelOrder();
        order.accept(e(1), 0);
        order.accept(e(4), 100);

        assertThat(order.overdueGap(200, 500)).isNull();
        assertThat(order.overdueGap(700, 500)).containsExactly(2L, 3L);
        assertThat(seqs(order.fill(List.of(e(2), e(3))))).containsExactly(2L, 3L, 4L);
    }

    @Test
    void givesUpOnAGapTheLogCannotFillRatherThanHoldTheChannelForever() {
        ChannelOrder order = new ChannelOrder();
        order.accept(e(1), 0);
        order.accept(e(3), 0);
        assertThat(seqs(order.fill(List.of()))).containsExactly(3L);
    }
}
