package dev.netchat.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ann", "a.b_c-d", "x12", "abcdefghijklmnopqrstuvwxyz012345"})
    void acceptsUsernamesOfThreeToThirtyTwoAllowedCharacters(String username) {
        assertThat(UserRules.checkUsername(username)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "ab", "abcdefghijklmnopqrstuvwxyz0123456", "with space", "ümlaut", "semi;colon", "UPPER"})
    void refusesOtherUsernames(String username) {
        assertThat(UserRules.checkUsername(username)).extracting("field").isEqualTo("username");
    }

    @Test
    void normalizesUsernamesToTrimmedLowercase() {
        assertThat(UserRules.normalizeUsername("  Ann.Lee ")).isEqualTo("ann.lee");
    }

    @Test
    void countsPasswordLengthInUtf8Bytes() {
        assertThat(UserRules.checkPassword("password", "12345678")).isNull();
        assertThat(UserRules.checkPassword("password", "1234567")).isNotNull();
        assertThat(UserRules.checkPassword("password", "a".repeat(72))).isNull();
        assertThat(UserRules.checkPassword("password", "a".repeat(73))).isNotNull();
        // 24 euro signs are 72 bytes; 25 are 75.
        assertThat(UserRules.checkPassword("password", "€".repeat(24))).isNull();
        assertThat(UserRules.checkPassword("password", "€".repeat(25))).isNotNull();
    }

    @Test
    void phoneNumbersAreOptionalButE164WhenGiven() {
        assertThat(UserRules.checkPhoneNumber(null)).isNull();
        assertThat(UserRules.checkPhoneNumber("")).isNull();
        assertThat(UserRules.checkPhoneNumber("+15551234567")).isNull();
        assertThat(UserRules.checkPhoneNumber("15551234567")).isNotNull();
        assertThat(UserRules.checkPhoneNumber("+0551234567")).isNotNull();
        assertThat(UserRules.checkPhoneNumber("+1555123456789012")).isNotNull();
    }

    @Test
    void avatarUrlsMustBeAbsoluteHttpOrHttps() {
        assertThat(UserRules.checkAvatarUrl("https://example.com/a.png")).isNull();
        assertThat(UserRules.checkAvatarUrl("HTTP://example.com/a.png")).isNull();
        assertThat(UserRules.checkAvatarUrl("javascript:alert(1)")).isNotNull();
        assertThat(UserRules.checkAvatarUrl("data:image/png;base64,AAAA")).isNotNull();
        assertThat(UserRules.checkAvatarUrl("//example.com/a.png")).isNotNull();
        assertThat(UserRules.checkAvatarUrl("https://" + "a".repeat(2050))).isNotNull();
    }

    @Test
    void fullNamesAreRequiredShortAndFreeOfControlCharacters() {
        assertThat(UserRules.checkFullName("Ada Lovelace")).isNull();
        assertThat(UserRules.checkFullName(" ")).isNotNull();
        assertThat(UserRules.checkFullName("x".repeat(101))).isNotNull();
        assertThat(UserRules.checkFullName("Bell\u0007")).isNotNull();
    }
}
