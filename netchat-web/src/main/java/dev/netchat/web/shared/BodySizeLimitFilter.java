package dev.netchat.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses request bodies over the limit before anything reads them: a declared Content-Length over the
 * limit gets 413 problem+json at once; a body without a length is cut off at the limit while it is read.
 * API bodies are small JSON documents, so their default (64 KiB) is generous; any other path takes at most
 * NETCHAT_HTTP_MAX_POST_SIZE (1 MiB), answered here as 413 rather than by the server. File uploads have their own
 * limit ({@code netchat.files.max-file-bytes}, {@code netchat.avatars.max-bytes}), checked here against the declared
 * length and counted by the upload itself while it streams.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BodySizeLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long DEFAULT_LIMIT = 64 * 1024;

    static final long DEFAULT_OTHER_LIMIT = 1024 * 1024;

    private long limit = DEFAULT_LIMIT;
    private long otherLimit = DEFAULT_OTHER_LIMIT;

    @Override
    public void init() {
        String configured = System.getenv("NETCHAT_HTTP_MAX_BODY_BYTES");
        if (configured != null && !configured.isBlank()) {
            limit = Long.parseLong(configured.strip());
        }
        String server = System.getenv("NETCHAT_HTTP_MAX_POST_SIZE");
        if (server != null && !server.isBlank()) {
            otherLimit = Long.parseLong(server.strip());
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = path.startsWith("/api/") ? this.limit : otherLimit;
        long declared = request.getContentLengthLong();
        long uploadLimit = uploadLimit(request);
        if (uploadLimit > 0) {
            if (declared > uploadLimit) {
                ProblemWriter.write(
                        request,
                        response,
                        413,
                        "Payload too large",
                        "The file is larger than " + uploadLimit + " bytes.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (declared > limit) {
            ProblemWriter.write(
                    request,
                    response,
                    413,
                    "Payload too large",
                    "The request body is larger than " + limit + " bytes.");
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            chain.doFilter(new LimitedRequest(request, limit), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The limit of a file upload, or 0 when the request is no upload. */
    private static long uploadLimit(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return 0;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var config = ConfigProvider.getConfig();
        if (path.equals("/api/files")) {
            return config.getOptionalValue("netchat.files.max-file-bytes", Long.class)
                    .orElse(26_214_400L);
        }
        if (path.equals("/api/users/me/avatar")) {
            return config.getOptionalValue("netchat.avatars.max-bytes", Long.class)
                    .orElse(5_242_880L);
        }
        return 0;
    }

    /** Counts the bytes of a body of unknown length and stops at the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++count > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (count += n) > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
