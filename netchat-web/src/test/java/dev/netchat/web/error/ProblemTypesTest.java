package dev.netchat.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netchat.shared.FieldError;
import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.NotAllowedException;
import dev.netchat.shared.NotFoundException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each kind of error has its own stable type, and the OpenAPI document lists every type NetChat can answer. */
class ProblemTypesTest {

    private String openApi() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyErrorStatusHasATypeTheOpenApiDocumentLists() throws IOException {
        String openApi = openApi();
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

    @Test
    void aMissingOrRefusedThingIsNamedByItsKindNotByItsSentence() {
        ProblemDto noChannel = NetChatExceptionMapper.problemOf(NotFoundException.channel(), "/api/channels/x");
        ProblemDto noMessage = NetChatExceptionMapper.problemOf(NotFoundException.message(), "/api/messages/y");
        ProblemDto deleted = NetChatExceptionMapper.problemOf(NotFoundException.deletedMessage(), "/api/messages/y");
        ProblemDto notAuthor = NetChatExceptionMapper.problemOf(
                new NotAllowedException(NotAllowedException.Why.AUTHOR_ONLY, "Only its author may edit it."), null);
        ProblemDto invalid = NetChatExceptionMapper.problemOf(InvalidInputException.of("name", "Too long."), null);

        assertThat(noChannel.status()).isEqualTo(404);
        assertThat(noChannel.type()).isEqualTo(noMessage.type()).isEqualTo("urn:netchat:problem:not-found");
        assertThat(List.of(noChannel.kind(), noMessage.kind(), deleted.kind()))
                .containsExactly("channel", "message", "deleted-message");
        assertThat(notAuthor.status()).isEqualTo(403);
        assertThat(notAuthor.kind()).isEqualTo("author-only");
        assertThat(invalid.kind())
                .as("the type and the field errors say it all")
                .isNull();
        assertThat(Problems.toJson(noChannel).getString("kind")).isEqualTo("channel");
        assertThat(Problems.toJson(invalid).isNull("kind")).isTrue();
    }

    @Test
    void theOpenApiDocumentListsEveryKind() throws IOException {
        String openApi = openApi();
        for (NotFoundException.What what : NotFoundException.What.values()) {
            assertThat(openApi).as("ProblemDto.kind lists %s", what.kind()).contains("- " + what.kind() + "\n");
        }
        for (NotAllowedException.Why why : NotAllowedException.Why.values()) {
            assertThat(openApi).as("ProblemDto.kind lists %s", why.kind()).contains("- " + why.kind() + "\n");
        }
    }
}
