package dev.netchat.web.file;

import dev.netchat.file.FileDownload;
import dev.netchat.file.FileService;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Streams a stored file to the client. Only safe raster images are shown inline; everything else (HTML, SVG,
 * unknown) is a download, never sniffed, and sandboxed even if a browser opened it.
 */
final class FileResponses {

    private FileResponses() {}

    static Response stream(FileService files, FileDownload d, String cacheControl, boolean forceDownload) {
        StreamingOutput body = out -> {
            try (InputStream in = files.open(d)) {
                in.transferTo(out);
            }
        };
        boolean inline = d.inline() && !forceDownload;
        Response.ResponseBuilder r = Response.ok(body, d.mediaType())
                .header("Content-Disposition", disposition(inline ? "inline" : "attachment", d.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", cacheControl);
        if (d.size() >= 0) {
            r.header("Content-Length", d.size());
        }
        return r.build();
    }

    /** RFC 6266: an ASCII fallback name and the exact name in UTF-8. */
    static String disposition(String type, String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
