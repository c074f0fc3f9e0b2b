package dev.netchat.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    // Two rooms: room 0 = receivers 0,1,2; room 1 = receivers 2,3.
    private final DeliveryLedger ledger = new DeliveryLedger(2, new int[][] {{0}, {0}, {0, 1}, {1}});

    @Test
    void aMessageEveryMemberGetsOnceIsNeitherLostNorDoubled() {
        int m = ledger.nextOrdinal(0);
        ledger.accepted(0, m);
        for (int r = 0; r < 3; r++) {
            assertThat(ledger.delivered(r, 0, m)).isEqualTo(DeliveryLedger.Outcome.FIRST);
        }
        DeliveryLedger.Tally t = ledger.tally();
        assertThat(t.expected()).isEqualTo(3);
        assertThat(t.lost()).isZero();
        assertThat(t.doubled()).isZero();
    }

    @Test
    void aSecondCopyToTheSameReceiverIsDoubledAndAMissingMemberIsLost() {
        int a = ledger.nextOrdinal(1);
        int b = ledger.nextOrdinal(1);
        ledger.accepted(1, a);
        ledger.accepted(1, b);
        ledger.delivered(2, 1, a);
        ledger.delivered(3, 1, a);
        assertThat(ledger.delivered(3, 1, a)).isEqualTo(DeliveryLedger.Outcome.DOUBLE);
        ledger.delivered(2, 1, b);

        DeliveryLedger.Tally t = ledger.tally();
        assertThat(t.expected()).isEqualTo(4);
        assertThat(t.lost()).isEqualTo(1);
        assertThat(t.doubled()).isEqualTo(1);
        assertThat(t.receiversMissingSome()).isEqualTo(1);
    }

    @Test
    void aDeliveryToANonMemberIsUnexpected() {
        int m = ledger.nextOrdinal(1);
        ledger.accepted(1, m);
        assertThat(ledger.delivered(0, 1, m)).isEqualTo(DeliveryLedger.Outcome.UNEXPECTED);
        assertThat(ledger.tally().unexpected()).isEqualTo(1);
    }

    @Test
    void aMessageNeverAcknowledgedIsNotOwedButItsDeliveriesAreCounted() {
        int m = ledger.nextOrdinal(0);
        ledger.delivered(0, 0, m);
        DeliveryLedger.Tally t = ledger.tally();
        assertThat(t.expected()).isZero();
        assertThat(t.lost()).isZero();
        assertThat(t.deliveredUnacknowledged()).isEqualTo(1);
    }

    @Test
    void aDeliveryThatArrivesBeforeTheAcknowledgementStillCounts() {
        int m = ledger.nextOrdinal(0);
        ledger.delivered(1, 0, m);
        ledger.accepted(0, m);
        DeliveryLedger.Tally t = ledger.tally();
        assertThat(t.receivedExpected()).isEqualTo(1);
        assertThat(t.lost()).isEqualTo(2);
    }
}
