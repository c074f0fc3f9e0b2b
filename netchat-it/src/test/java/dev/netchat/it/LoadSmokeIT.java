package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netchat.loadtest.LoadConfig;
import dev.netchat.loadtest.LoadResult;
import dev.netchat.loadtest.LoadRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A short team-chat scenario of the load generator (netchat-loadtest) against the server under test: a smoke
 * check that fails if any message is lost or doubled, never on timing. Runs in the H2 execution.
 */
@ExtendWith(ServerExtension.class)
class LoadSmokeIT {

    @Test
    void aShortTeamChatRunLosesAndDoublesNothing() throws Exception {
        Path work = Path.of(System.getProperty("netchat.it.work"));
        String pid = Files.readString(work.resolve("server-" + ServerExtension.server().database() + ".pid")).strip();
        LoadConfig config = LoadConfig.parse(
                "--scenario=teamchat",
                "--target=netchat",
                "--url=" + ServerExtension.api().base(),
                "--server-pid=" + pid,
                "--users=40",
                "--room-sizes=10",
                "--direct=4",
                "--rates=10",
                "--duration=5",
                "--warmup=1",
                "--drain-seconds=10",
                // Far more often than the default 30 s, so that this short run sees the server's pongs.
                "--ping-seconds=1",
                "--p99-limit-ms=100000",
                "--user-prefix=smoke" + Long.toString(System.nanoTime() % 100000, 36),
                "--results=" + work.resolve("loadtest-results"),
                "--cache=" + work.resolve("loadtest-cache"),
                "--label=ci-smoke");

        LoadResult result = LoadRun.run(config);

        System.out.printf("load smoke: sent %d, delivered %d of %d, lost %d, doubled %d, p50 %.1f ms, p99 %.1f ms%n",
                result.getSent(), result.getDelivered(), result.getExpected(), result.getLost(), result.getDoubled(),
                result.getP50Millis(), result.getP99Millis());
        assertThat(result.getSent()).isPositive();
        assertThat(result.getExpected()).isPositive();
        assertThat(result.getLost()).as("lost deliveries").isZero();
        assertThat(result.getDoubled()).as("doubled deliveries").isZero();
        assertThat(result.getDelivered()).isEqualTo(result.getExpected());
        assertThat(result.getUnexpected()).as("unexpected deliveries").isZero();
        assertThat((Long) result.getExtra().get("keepAliveRepliesReceived")).as("pongs to the generator's pings").isPositive();
    }
}
