package dev.netchat.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void oneMessageReadsAuthorPlaceExcerptAndLink() {
        assertThat(SmsText.compose("ann", "#general", "Lunch at noon?", 1, "https://chat.example.com/#/c/42"))
                .isEqualTo("[NetChat] ann in #general: Lunch at noon? https://chat.example.com/#/c/42");
    }

    @Test
    void severalMessagesAreSummarisedWithTheLatest() {
        assertThat(SmsText.compose("ann", "a direct message", "see you", 3, "L"))
                .isEqualTo("[NetChat] 3 new messages in a direct message, latest from ann: see you L");
    }

    @Test
    void theExcerptIsTheFirstHundredCharactersOnOneLineAndNeverHalfACharacter() {
        String text = "line one\n\nline two " + "😀".repeat(200);
        String excerpt = SmsText.excerpt(text);
        assertThat(excerpt).startsWith("line one line two 😀").endsWith("…").doesNotContain("\n");
        String withoutEllipsis = excerpt.substring(0, excerpt.length() - 1);
        assertThat(withoutEllipsis.codePointCount(0, withoutEllipsis.length())).isEqualTo(100);
        assertThat(Character.isHighSurrogate(withoutEllipsis.charAt(withoutEllipsis.length() - 1)))
                .isFalse();
        assertThat(SmsText.excerpt("short")).isEqualTo("short");
    }

    @Test
    void aMessageOfFilesOnlySaysItSentFilesAndTextStaysAsWritten() {
        assertThat(SmsText.withFiles("", 1)).isEqualTo("sent a file");
        assertThat(SmsText.withFiles("  ", 3)).isEqualTo("sent 3 files");
        assertThat(SmsText.withFiles("the plan", 2)).isEqualTo("the plan");
        assertThat(SmsText.withFiles("", 0)).isEmpty();
    }

    @Test
    void aLongGsm7TextIsCutWithThreeDotsSoTheSmsStaysGsm7() {
        String excerpt = SmsText.excerpt("Plain text, nothing but GSM-7: " + "abc ".repeat(40));
        assertThat(excerpt).endsWith("...").doesNotContain("…");
        assertThat(Gsm7.encodable(SmsText.compose(
                        "ann_1", "#general", "Plain " + "x".repeat(200), 1, "https://chat.example.com/#/c/42")))
                .isTrue();
        assertThat(Gsm7.encodable("…")).isFalse();
        assertThat(Gsm7.encodable("€ [x] {y} ~ | ^ \\")).isTrue();
    }
}
