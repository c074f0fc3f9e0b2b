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
        String pid = Files.readString(
                        work.resolve("server-" + ServerExtension.server().database() + ".pid"))
                .strip();
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

        System.out.printf(
                "load smoke: sent %d, delivered %d of %d, lost %d, doubled %d, p50 %.1f ms, p99 %.1f ms%n",
                result.getSent(),
                result.getDelivered(),
                result.getExpected(),
                result.getLost(),
                result.getDoubled(),
                result.getP50Millis(),
                result.getP99Millis());
        assertThat(result.getSent()).isPositive();
        assertThat(result.getExpected()).isPositive();
        assertThat(result.getLost()).as("lost deliveries").isZero();
        assertThat(result.getDoubled()).as("doubled deliveries").isZero();
        assertThat(result.getDelivered()).isEqualTo(result.getExpected());
        assertThat(result.getUnexpected()).as("unexpected deliveries").isZero();
        assertThat((Long) result.getExtra().get("keepAliveRepliesReceived"))
                .as("pongs to the generator's pings")
                .isPositive();
    }

    /**
     * The soak scenario, briefly (40 s instead of the hour a release records in docs/PERFORMANCE.md): team chat at
     * one steady rate with sockets coming and going beside the measured ones. Nothing may be lost or doubled, and
     * the report must carry the server's vitals over time (heap after full GC, threads, file descriptors, database
     * connections); only gross leaks fail here, flatness over an hour is judged on the recorded run.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aBriefSoakRunWithSocketsComingAndGoingLosesNothingAndRecordsTheServersVitals() throws Exception {
        Path work = Path.of(System.getProperty("netchat.it.work"));
        String pid = Files.readString(
                        work.resolve("server-" + ServerExtension.server().database() + ".pid"))
                .strip();
        LoadConfig config = LoadConfig.parse(
                "--scenario=soak",
                "--target=netchat",
                "--url=" + ServerExtension.api().base(),
                "--server-pid=" + pid,
                "--users=30",
                "--room-sizes=10",
                "--direct=3",
                "--rates=8",
                "--duration=40",
                "--warmup=0",
                "--drain-seconds=10",
                "--soak-sample-seconds=10",
                "--churn-per-minute=120",
                "--ping-seconds=5",
                "--p99-limit-ms=100000",
                "--user-prefix=soak" + Long.toString(System.nanoTime() % 100000, 36),
                "--results=" + work.resolve("loadtest-results"),
                "--cache=" + work.resolve("loadtest-cache"),
                "--label=ci-soak");

        LoadResult result = LoadRun.run(config);

        java.util.Map<String, Object> soak =
                (java.util.Map<String, Object>) result.getExtra().get("soak");
        System.out.printf(
                "soak: sent %d, lost %d, doubled %d; %s%n",
                result.getSent(), result.getLost(), result.getDoubled(), soak.get("driftFirstToLast"));
        assertThat(result.getSent()).isPositive();
        assertThat(result.getLost()).as("lost deliveries").isZero();
        assertThat(result.getDoubled()).as("doubled deliveries").isZero();
        java.util.List<java.util.Map<String, Object>> samples =
                (java.util.List<java.util.Map<String, Object>>) soak.get("samples");
        assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
        for (java.util.Map<String, Object> sample : samples) {
            assertThat(((Number) sample.get("heapAfterFullGcMb")).longValue())
                    .as("heap after full GC in %s", sample)
                    .isPositive();
            assertThat(((Number) sample.get("threads")).longValue()).isPositive();
            assertThat(((Number) sample.get("fileDescriptors")).longValue()).isPositive();
            assertThat(((Number) sample.get("databaseConnections")).longValue()).isNotNegative();
            // The split that tells a leak from a slow machine: every connection the generator holds is a socket of
            // the server's (its measured and churn sockets at least), and the rest of the descriptors are counted.
            long generator = ((Number) sample.get("generatorConnectionsToServer")).longValue();
            assertThat(generator)
                    .as("the generator's connections in %s", sample)
                    .isPositive();
            assertThat(((Number) sample.get("socketDescriptors")).longValue())
                    .as("server sockets in %s", sample)
                    .isGreaterThanOrEqualTo(generator * 9 / 10);
            assertThat(((Number) sample.get("otherDescriptors")).longValue())
                    .as("other descriptors in %s", sample)
                    .isPositive();
        }
        assertThat((Integer) soak.get("churnConnects"))
                .as("sockets that came and went")
                .isGreaterThan(30);
        java.util.Map<String, Object> drift = (java.util.Map<String, Object>) soak.get("driftFirstToLast");
        assertThat(((Number) drift.get("threads")).longValue())
                .as("thread growth over the run")
                .isLessThan(100);
        assertThat(((Number) drift.get("fileDescriptors")).longValue())
                .as("descriptor growth over the run")
                .isLessThan(200);
    }
}
