package dev.netchat.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadRunAgainstFaultyServerTest {

    @TempDir
    Path results;

    private LoadConfig config(int port) {
        return LoadConfig.builder()
                .scenario(LoadConfig.Scenario.TEAMCHAT)
                .target(LoadConfig.TargetKind.UNDERTOW)
                .url("http://127.0.0.1:" + port)
                .users(40)
                .roomSizes(List.of(10))
                .directConversations(2)
                .rates(List.of(40))
                .stepSeconds(2)
                .drainSeconds(5)
                .sourceAddresses(3)
                .ioThreads(2)
                .resultsDir(results)
                .label("faulty")
                .build();
    }

    @Test
    void countsExactlyOneLostAndOneDoubledWhenTheServerDropsOneAndDuplicatesOne() throws Exception {
        try (FaultyRelayServer server = new FaultyRelayServer(7, 11)) {
            LoadResult r = LoadRun.run(config(server.port()));

            assertThat(r.getSocketsOpened()).isEqualTo(40);
            assertThat(r.getAccepted()).isEqualTo(r.getSent()).isGreaterThan(60);
            assertThat(server.relayed()).isEqualTo((int) r.getAccepted());
            assertThat(r.getLost()).isEqualTo(1);
            assertThat(r.getDoubled()).isEqualTo(1);
            assertThat(r.getUnexpected()).isZero();
            // Every owed delivery arrived but one, plus one copy.
            assertThat(r.getDelivered()).isEqualTo(r.getExpected() - 1 + 1);
            assertThat(r.getP50Millis()).isPositive();
            assertThat(r.getMaxMillis()).isGreaterThanOrEqualTo(r.getP99Millis());
        }
    }

    @Test
    void countsNothingLostOrDoubledAgainstAFaithfulServer() throws Exception {
        try (FaultyRelayServer server = new FaultyRelayServer(-1, -1)) {
            LoadResult r = LoadRun.run(config(server.port()));

            assertThat(r.getLost()).isZero();
            assertThat(r.getDoubled()).isZero();
            assertThat(r.getDelivered()).isEqualTo(r.getExpected()).isPositive();
        }
    }

    @Test
    void writesAJsonResultAndAnHtmlChart() throws Exception {
        try (FaultyRelayServer server = new FaultyRelayServer(-1, -1)) {
            LoadResult r = LoadRun.run(config(server.port()));

            assertThat(Files.readString(r.getJsonFile())).contains("\"lost\" : 0", "\"deliveriesOutPerSec\"");
            assertThat(Files.readString(r.getHtmlFile()))
                    .startsWith("<!doctype html>")
                    .contains("<svg");
        }
    }
}
