package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document agrees with the contract (../shared/API.md): every call listed in the sections
 * this server implements appears there with its method. Sections of later work are added as they land.
 */
@ExtendWith(ServerExtension.class)
class OpenApiContractIT {

    private static final List<String> IMPLEMENTED_SECTIONS = List.of("## Accounts", "## Channels", "## Messages", "## Webhooks", "## Administration");
    private static final Pattern CALL = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/api/[^`?\\s]*)[^`]*`");

    @Test
    void everyDocumentedCallIsInTheServedOpenApiDocument() throws Exception {
        List<String[]> calls = documentedCalls();
        assertThat(calls).hasSizeGreaterThan(20);

        JsonNode paths = ServerExtension.api().send("GET", "/openapi?format=JSON", null).json().path("paths");

        List<String> missing = new ArrayList<>();
        for (String[] call : calls) {
            JsonNode path = paths.path(call[1]);
            if (path.isMissingNode() || path.path(call[0].toLowerCase()).isMissingNode()) {
                missing.add(call[0] + " " + call[1]);
            }
        }
        assertThat(missing).as("calls in API.md missing from /openapi").isEmpty();
    }

    private static List<String[]> documentedCalls() throws Exception {
        Path apiMd = Path.of(System.getProperty("netchat.it.work")).resolve("../../../shared/API.md").normalize();
        String text = Files.readString(apiMd);
        List<String[]> calls = new ArrayList<>();
        for (String section : text.split("(?m)^(?=## )")) {
            if (IMPLEMENTED_SECTIONS.stream().noneMatch(section::startsWith)) {
                continue;
            }
            Matcher m = CALL.matcher(section);
            while (m.find()) {
                // API.md names the path parameter of users' routes {userId}; keep names as written.
                calls.add(new String[] {m.group(1), m.group(2)});
            }
        }
        return calls;
    }
}
