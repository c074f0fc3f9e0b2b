package dev.netchat.file;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A message's files as links in plain text, for bridges that carry text only (the Stream mirror): one line per
 * file, "name: URL", the URL absolute when {@code netchat.public-url} is set. The links need a NetChat session
 * of a channel member, like every file URL.
 */
public final class AttachmentLinks {

    private AttachmentLinks() {}

    public static String appendTo(String text, JsonValue attachments) {
        if (!(attachments instanceof JsonArray files) || files.isEmpty()) {
            return text;
        }
        String base = ConfigProvider.getConfig()
                .getOptionalValue("netchat.public-url", String.class)
                .map(s -> s.replaceAll("/+$", ""))
                .orElse("");
        StringBuilder out = new StringBuilder(text == null ? "" : text);
        for (JsonValue v : files) {
            if (v instanceof JsonObject f) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(f.getString("name", "file"))
                        .append(": ")
                        .append(base)
                        .append(f.getString("url", ""));
            }
        }
        return out.toString();
    }
}
