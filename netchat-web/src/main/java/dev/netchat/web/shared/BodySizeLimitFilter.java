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

/**
 * Refuses request bodies over the limit before anything reads them: a declared Content-Length over the
 * limit gets 413 problem+json at once; a body without a length is cut off at the limit while it is read.
 * API bodies are small JSON documents, so their default (64 KiB) is generous; any other path takes at most the
 * server's own limit (1 MiB, NETCHAT_HTTP_MAX_POST_SIZE), answered here as 413 rather than by the server.
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
        if (declared > limit) {
            ProblemWriter.write(request, response, 413, "Payload too large",
                    "The request body is larger than " + limit + " bytes.");
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            chain.doFilter(new LimitedRequest(request, limit), response);
            return;
        }
        chain.doFilter(request, response);
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
