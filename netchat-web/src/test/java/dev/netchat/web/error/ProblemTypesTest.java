package dev.netchat.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netchat.shared.FieldError;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each kind of error has its own stable type, and the OpenAPI document lists every type NetChat can answer. */
class ProblemTypesTest {

    @Test
    void everyErrorStatusHasATypeTheOpenApiDocumentLists() throws IOException {
        String openApi;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> types =
                IntStream.range(400, 600).mapToObj(Problems::typeOf).distinct().toList();
        assertThat(types)
                .contains(
                        "urn:netchat:problem:not-found",
                        "urn:netchat:problem:invalid-input",
                        "urn:netchat:problem:server-error",
                        "urn:netchat:problem:bad-request");
        for (String type : types) {
            assertThat(openApi)
                    .as("the OpenAPI document's ProblemDto.type lists %s", type)
                    .contains("- " + type + "\n");
        }
        assertThat(openApi).contains("- " + Problems.ACCOUNT_DISABLED + "\n");
    }

    @Test
    void kindsAreToldApartByTypeNotByWords() {
        assertThat(Problems.typeOf(404)).isNotEqualTo(Problems.typeOf(403)).isNotEqualTo(Problems.typeOf(401));
        assertThat(Problems.typeOf(413)).isEqualTo("urn:netchat:problem:too-large");
        assertThat(Problems.problem(409, "Conflict", "Taken.", "/api/x", List.of())
                        .type())
                .isEqualTo("urn:netchat:problem:conflict");
        assertThat(Problems.problem(401, Problems.ACCOUNT_DISABLED, "Account disabled", "Ask an admin.", null, null)
                        .type())
                .isEqualTo(Problems.ACCOUNT_DISABLED);
    }

    @Test
    void theJsonFormIsTheSameDocumentWithItsFieldErrorsAndWithoutAnInstanceWhenThereIsNone() {
        JsonObject withErrors = Problems.toJson(Problems.problem(
                400,
                "Invalid input",
                "Fix the fields.",
                "/api/auth/signup",
                List.of(new FieldError("username", "Too short."))));
        assertThat(withErrors.getString("type")).isEqualTo("urn:netchat:problem:invalid-input");
        assertThat(withErrors.getInt("status")).isEqualTo(400);
        assertThat(withErrors.getString("instance")).isEqualTo("/api/auth/signup");
        assertThat(withErrors.getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("username");

        JsonObject inAFrame =
                Problems.toJson(Problems.problem(429, "Too many typing events", "Slow down.", null, List.of()));
        assertThat(inAFrame.containsKey("instance")).isFalse();
        assertThat(inAFrame.getJsonArray("errors")).isEmpty();
        assertThat(inAFrame.getString("type")).isEqualTo("urn:netchat:problem:too-many-requests");
    }
}
