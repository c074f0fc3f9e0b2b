package dev.netchat.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LoadConfigTest {

    @Test
    void parsesEveryMainArgumentInBothForms() {
        LoadConfig c = LoadConfig.parse(
                "--scenario=broadcast",
                "--target",
                "socketio",
                "--users=10000",
                "--room-size=10,50,1000",
                "--direct=20",
                "--rate=5,10",
                "--duration=30",
                "--url=http://127.0.0.1:3000/",
                "--server-pid=4242",
                "--source-addresses=16",
                "--results=/tmp/x",
                "--p99-limit-ms=50.5");
        assertThat(c.scenario()).isEqualTo(LoadConfig.Scenario.BROADCAST);
        assertThat(c.target()).isEqualTo(LoadConfig.TargetKind.SOCKETIO);
        assertThat(c.users()).isEqualTo(10_000);
        assertThat(c.roomSizes()).containsExactly(10, 50, 1000);
        assertThat(c.directConversations()).isEqualTo(20);
        assertThat(c.rates()).containsExactly(5, 10);
        assertThat(c.stepSeconds()).isEqualTo(30);
        assertThat(c.url()).isEqualTo("http://127.0.0.1:3000");
        assertThat(c.serverPid()).isEqualTo(4242);
        assertThat(c.sourceAddresses()).isEqualTo(16);
        assertThat(c.resultsDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(c.p99LimitMillis()).isEqualTo(50.5);
        assertThat(c.label()).isEqualTo("broadcast-socketio");
    }

    @Test
    void defaultsAreUsableWithoutArguments() {
        LoadConfig c = LoadConfig.parse();
        assertThat(c.scenario()).isEqualTo(LoadConfig.Scenario.TEAMCHAT);
        assertThat(c.target()).isEqualTo(LoadConfig.TargetKind.NETCHAT);
        assertThat(c.url()).isEqualTo("http://127.0.0.1:8080");
        // raw results are build output, never part of the source tree
        assertThat(c.resultsDir()).isEqualTo(Path.of("target", "results"));
    }

    @Test
    void pingsEveryThirtySecondsByDefaultAndZeroTurnsThemOff() {
        assertThat(LoadConfig.parse().pingSeconds()).isEqualTo(30);
        assertThat(LoadConfig.parse("--ping-seconds=5").pingSeconds()).isEqualTo(5);
        assertThat(LoadConfig.parse("--ping-seconds=0").pingSeconds()).isZero();
        assertThat(LoadConfig.parse("--ping-seconds=5").asMap()).containsEntry("pingSeconds", 5);
        assertThatThrownBy(() -> LoadConfig.parse("--ping-seconds=-1")).hasMessageContaining("ping-seconds");
        assertThatThrownBy(() -> LoadConfig.parse("--ping-seconds=often")).hasMessageContaining("--ping-seconds");
    }

    @Test
    void rejectsUnknownArgumentsAndBadValuesNamingThem() {
        assertThatThrownBy(() -> LoadConfig.parse("--userz=5")).hasMessageContaining("--userz");
        assertThatThrownBy(() -> LoadConfig.parse("--users=many")).hasMessageContaining("--users");
        assertThatThrownBy(() -> LoadConfig.parse("--users=0")).hasMessageContaining("users");
        assertThatThrownBy(() -> LoadConfig.parse("--scenario=chaos")).hasMessageContaining("--scenario");
        assertThatThrownBy(() -> LoadConfig.parse("users=5")).hasMessageContaining("--key=value");
        assertThatThrownBy(() -> LoadConfig.parse("--users")).hasMessageContaining("missing value");
        assertThatThrownBy(() -> LoadConfig.parse("--users=10", "--direct=6")).hasMessageContaining("direct");
        assertThatThrownBy(() -> LoadConfig.parse("--source-addresses=300")).hasMessageContaining("source-addresses");
    }

    @Test
    void soakRunsOneRateForTheGivenDurationWithSamplingAndChurnSettings() {
        LoadConfig c = LoadConfig.parse(
                "--scenario=soak",
                "--target=netchat",
                "--url=http://127.0.0.1:8080",
                "--users=100",
                "--room-sizes=10",
                "--rates=50",
                "--duration=3600",
                "--soak-sample-seconds=30",
                "--churn-per-minute=12");
        assertThat(c.scenario()).isEqualTo(LoadConfig.Scenario.SOAK);
        assertThat(c.stepSeconds()).isEqualTo(3600);
        assertThat(c.soakSampleSeconds()).isEqualTo(30);
        assertThat(c.churnPerMinute()).isEqualTo(12);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LoadConfig.parse(
                        "--scenario=soak",
                        "--target=netchat",
                        "--url=http://x",
                        "--users=10",
                        "--room-sizes=5",
                        "--rates=10,20"))
                .hasMessageContaining("one rate");
    }
}
