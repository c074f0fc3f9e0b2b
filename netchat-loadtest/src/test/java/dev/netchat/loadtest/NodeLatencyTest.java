package dev.netchat.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeLatencyTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> report, String which) {
        return (Map<String, Object>) report.get(which);
    }

    @Test
    void usersAreOnNodeIModNAndDeliveriesAreSplitBySendersAndReceiversNode() {
        NodeLatency split = new NodeLatency(2);
        assertThat(split.active()).isTrue();
        assertThat(split.crossNode(0, 2)).isFalse();
        assertThat(split.crossNode(0, 1)).isTrue();
        assertThat(split.crossNode(3, 5)).isFalse();

        split.startStep(true);
        split.posted(7, 0, 4); // sender on node 0
        split.delivered(7, 0, 2, 1_000); // receiver on node 0: same node
        split.delivered(7, 0, 6, 3_000); // same node
        split.delivered(7, 0, 1, 9_000); // node 1: cross node
        split.posted(8, 0, 1); // sender on node 1
        split.delivered(8, 0, 3, 2_000); // node 1: same node
        split.delivered(8, 0, 0, 20_000); // node 0: cross node
        split.drain();

        Map<String, Object> step = split.stepReport();
        // Three significant digits: 3,000 us may read 3.001 ms.
        assertThat(path(step, "sameNode")).containsEntry("count", 3L);
        assertThat((Double) path(step, "sameNode").get("maxMs")).isCloseTo(3.0, within(0.01));
        assertThat(path(step, "crossNode")).containsEntry("count", 2L);
        assertThat((Double) path(step, "crossNode").get("p50Ms")).isCloseTo(9.0, within(0.01));
        assertThat((Double) path(step, "crossNode").get("maxMs")).isCloseTo(20.0, within(0.03));
        Map<String, Object> total = split.totalReport();
        assertThat(path(total, "crossNode")).containsEntry("count", 2L);
        assertThat(total).containsEntry("nodes", 2).containsEntry("deliveriesOfUnknownSender", 0L);
    }

    @Test
    void aWarmUpStepIsReportedButNotCountedInTheTotals() {
        NodeLatency split = new NodeLatency(2);
        split.startStep(false);
        split.posted(0, 0, 0);
        split.delivered(0, 0, 1, 5_000);
        split.drain();
        assertThat(path(split.stepReport(), "crossNode")).containsEntry("count", 1L);

        split.startStep(true);
        split.posted(0, 1, 0);
        split.delivered(0, 1, 0, 1_000);
        split.delivered(5, 5, 0, 1_000); // never posted by this run
        split.drain();
        assertThat(path(split.stepReport(), "crossNode")).containsEntry("count", 0L);
        assertThat(path(split.totalReport(), "crossNode")).containsEntry("count", 0L);
        assertThat(path(split.totalReport(), "sameNode")).containsEntry("count", 1L);
        assertThat(split.totalReport()).containsEntry("deliveriesOfUnknownSender", 1L);
    }

    @Test
    void oneNodeRecordsNothing() {
        NodeLatency split = new NodeLatency(1);
        assertThat(split.active()).isFalse();
        assertThat(split.crossNode(0, 1)).isFalse();
        split.startStep(true);
        split.posted(0, 0, 0);
        split.delivered(0, 0, 1, 1_000);
        split.drain();
        assertThat(path(split.totalReport(), "sameNode")).containsEntry("count", 0L);
    }
}
