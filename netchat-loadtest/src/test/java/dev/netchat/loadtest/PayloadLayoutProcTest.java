package dev.netchat.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadLayoutProcTest {

    @Test
    void theStampIsFoundInsideAnyEnvelopeAndThePayloadHasTheConfiguredLength() {
        String text = Payload.text(12, 345, 987654321012L, 120);
        assertThat(text).hasSize(120).startsWith("LT|12|345|987654321012|x");
        String event = "{\"type\":\"message.new\",\"seq\":9,\"message\":{\"text\":\"" + text + "\"}}";
        Payload.Stamp s = Payload.find(Unpooled.copiedBuffer(event, StandardCharsets.UTF_8));
        assertThat(s).isEqualTo(new Payload.Stamp(12, 345, 987654321012L));
        assertThat(Payload.find("42[\"msg\",\"" + text + "\"]")).isEqualTo(s);
        assertThat(Payload.find(Unpooled.copiedBuffer("{\"type\":\"hello\",\"x\":\"LT|\"}", StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void roomsCycleThroughTheSizesAndDirectConversationsPairUsers() {
        Layout l = Layout.of(65, List.of(10, 50), 3);
        assertThat(l.roomCount()).isEqualTo(3 + 3); // 10 + 50 + 5 (the rest), then 3 direct
        assertThat(l.members(0)).hasSize(10);
        assertThat(l.members(1)).hasSize(50);
        assertThat(l.members(2)).hasSize(5);
        assertThat(l.members(3)).containsExactly(0, 1);
        assertThat(l.isDirect(5)).isTrue();
        assertThat(l.roomsOf(0)).containsExactly(0, 3);
        assertThat(l.roomsOf(64)).containsExactly(2);
    }

    @Test
    void procStatFieldsAreReadAfterTheCommandName() {
        String stat = "1234 (java (x) y) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 42 0 1 1 1";
        assertThat(ProcStats.cpuSeconds(stat)).isEqualTo(3.0);
        assertThat(ProcStats.threads(stat)).isEqualTo(42);
        assertThat(ProcStats.rssKb("Name:\tjava\nVmRSS:\t  524288 kB\nThreads: 3\n"))
                .isEqualTo(524288);
        assertThat(ProcStats.read(ProcStats.self()).rssKb()).isPositive();
    }
}
