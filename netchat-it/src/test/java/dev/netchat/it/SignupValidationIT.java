package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(ServerExtension.class)
class SignupValidationIT {

    private final Api api = ServerExtension.api();

    static Stream<Arguments> badFields() {
        String longName = "x".repeat(101);
        return Stream.of(
                Arguments.of("fullName", null, "fullName"),
                Arguments.of("fullName", "   ", "fullName"),
                Arguments.of("fullName", longName, "fullName"),
                Arguments.of("username", null, "username"),
                Arguments.of("username", "ab", "username"),
                Arguments.of("username", "a".repeat(33), "username"),
                Arguments.of("username", "bad name", "username"),
                Arguments.of("username", "émile", "username"),
                Arguments.of("password", null, "password"),
                Arguments.of("password", "short7!", "password"),
                // 73 bytes: bcrypt would silently ignore the rest.
                Arguments.of("password", "p".repeat(73), "password"),
                // 25 characters but 75 bytes in UTF-8.
                Arguments.of("password", "€".repeat(25), "password"),
                Arguments.of("phoneNumber", "5551234567", "phoneNumber"),
                Arguments.of("phoneNumber", "+0123", "phoneNumber"),
                Arguments.of("avatarURL", "javascript:alert(1)", "avatarURL"),
                Arguments.of("avatarURL", "ftp://example.com/a.png", "avatarURL"),
                Arguments.of("avatarURL", "not a url", "avatarURL"));
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @MethodSource("badFields")
    void eachBrokenRuleIsA400NamingItsFieldAndCreatesNoAccount(String field, String value, String expectedField) {
        String username = Api.uniqueName("valid");
        ObjectNode body = Api.json()
                .put("fullName", "Valid Name")
                .put("username", username)
                .put("password", Api.PASSWORD);
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }

        Api.Reply r = api.postJson("/api/auth/signup", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(400);
        assertThat(r.json().path("title").asText()).isNotBlank();
        assertThat(r.errorFields()).containsExactly(expectedField);
        if (!field.equals("username")) {
            // Nothing was stored: the same username is still free.
            assertThat(api.signup("Valid Name", username, Api.PASSWORD).status())
                    .isEqualTo(201);
        }
    }

    @Test
    void everyBadFieldIsNamedInOneAnswer() {
        Api.Reply r = api.postJson(
                "/api/auth/signup",
                Api.json()
                        .put("fullName", "")
                        .put("username", "x")
                        .put("password", "short")
                        .put("phoneNumber", "123")
                        .put("avatarURL", "data:image/png;base64,AAAA"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("fullName", "username", "password", "phoneNumber", "avatarURL");
    }

    @Test
    void anEmptyBodyNamesEveryRequiredField() {
        Api.Reply r = api.postJson("/api/auth/signup", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("fullName", "username", "password");
    }

    @Test
    void aTakenUsernameIsA409IgnoringCase() {
        String username = Api.uniqueName("taken");
        assertThat(api.signup("First Owner", username, Api.PASSWORD).status()).isEqualTo(201);

        Api.Reply again = api.signup("Second Owner", username.toUpperCase(), Api.PASSWORD);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.errorFields()).containsExactly("username");
        // The first owner's password still works; the second never got an account.
        assertThat(api.login(username, Api.PASSWORD).json().path("fullName").asText())
                .isEqualTo("First Owner");
    }

    @Test
    void usernamesAreStoredLowercaseSoLoginIgnoresCase() {
        String username = Api.uniqueName("mixed");
        Api.Reply r = api.signup("Mixed Case", username.toUpperCase(), Api.PASSWORD);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("username").asText()).isEqualTo(username);
        assertThat(api.login(username.toUpperCase(), Api.PASSWORD).status()).isEqualTo(200);
    }
}
