package dev.netchat.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI document the server serves at {@code /openapi}, used as a JSON Schema registry (OpenAPI 3.1 is JSON
 * Schema 2020-12): a real body is checked against the schema the document gives for its path, method, status and
 * media type, and every {@code $ref} resolves inside that same document.
 *
 * <p>Two rules make the check stricter than the document read as plain JSON Schema, so that it fails when the
 * document stops describing what the server sends:
 *
 * <ul>
 *   <li>the call must be described: a status or media type the document does not list, or an empty schema, is an
 *       error, not a pass;
 *   <li>every object schema with {@code properties} is taken as closed ({@code unevaluatedProperties: false} unless
 *       it says otherwise): each field the server sends must be named in the document. Clients must still accept
 *       fields they do not know; the served document itself is not changed.
 * </ul>
 *
 * Formats ({@code date-time}, {@code int32}, …) are asserted, not only annotated.
 */
final class ServedSchemas {

    /** The name the document is registered under; never fetched. */
    private static final String BASE = "https://netchat.invalid/openapi.json";

    private final JsonNode document;
    private final SchemaRegistry registry;

    private ServedSchemas(JsonNode document) {
        this.document = document;
        JsonNode closed = document.deepCopy();
        close(closed);
        String text = Api.write(closed);
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(BASE, text)));
    }

    /** The document the server serves now. */
    static ServedSchemas of(Api api) {
        Api.Reply r = api.send("GET", "/openapi?format=JSON", null);
        if (r.status() != 200) {
            throw new IllegalStateException("GET /openapi: " + r);
        }
        return new ServedSchemas(r.json());
    }

    JsonNode document() {
        return document;
    }

    /**
     * What is wrong with a real answer to {@code method path} (the path as the document names it, such as {@code
     * /api/channels/{id}}): empty when its body validates against the schema documented for its status and media
     * type.
     */
    List<String> responseErrors(String method, String path, Api.Reply reply) {
        String call = method.toUpperCase(Locale.ROOT) + " " + path;
        String status = String.valueOf(reply.status());
        String mediaType = reply.contentType().split(";")[0].strip();
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status
                + "/content/" + escape(mediaType) + "/schema";
        return errors(call + " answered " + status + " " + mediaType, pointer, reply.body());
    }

    /** What is wrong with a request body sent to {@code method path} as {@code mediaType}. */
    List<String> requestErrors(String method, String path, String mediaType, String body) {
        String call = method.toUpperCase(Locale.ROOT) + " " + path;
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/requestBody/content/"
                + escape(mediaType) + "/schema";
        return errors(call + " request body " + mediaType, pointer, body);
    }

    private List<String> errors(String what, String pointer, String body) {
        JsonNode schema = document.at(pointer);
        if (schema.isMissingNode()) {
            return List.of(what + ": not described by the served document (no " + pointer + ")");
        }
        if (schema.isEmpty()) {
            return List.of(
                    what + ": the served document gives an empty schema at " + pointer + ", which any body matches");
        }
        Schema compiled = registry.getSchema(SchemaLocation.of(BASE + "#" + uriFragment(pointer)));
        compiled.initializeValidators();
        List<String> errors = new ArrayList<>();
        for (com.networknt.schema.Error e : compiled.validate(
                body,
                InputFormat.JSON,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))) {
            errors.add(what + ": " + describe(e));
        }
        return errors;
    }

    /**
     * One failure in words of its own: the validator's messages come from a resource bundle that another jar on the
     * test class path (WireMock's) also ships, with other placeholders.
     */
    private static String describe(com.networknt.schema.Error e) {
        String value = String.valueOf(e.getInstanceNode());
        if (value.length() > 120) {
            value = value.substring(0, 120) + "…";
        }
        String location = e.getInstanceLocation().toString();
        return (location.isEmpty() ? "/" : location) + " = " + value + " fails " + e.getKeyword() + " "
                + e.getSchemaNode() + (e.getArguments() == null ? "" : " " + Arrays.toString(e.getArguments()))
                + " (at " + e.getSchemaLocation() + ")";
    }

    /** Closes every object schema that lists its properties and does not say what to do with others. */
    private static void close(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.path("properties").isObject()
                    && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
        }
        node.forEach(ServedSchemas::close);
    }

    /** One JSON Pointer reference token (RFC 6901): {@code ~} and {@code /} escaped. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON Pointer as a URI fragment (RFC 6901, section 6): characters outside a fragment percent-encoded. */
    private static String uriFragment(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            out.append('/')
                    .append(URLEncoder.encode(token, StandardCharsets.UTF_8)
                            .replace("+", "%20")
                            .replace("%7E", "~"));
        }
        return out.toString();
    }
}
