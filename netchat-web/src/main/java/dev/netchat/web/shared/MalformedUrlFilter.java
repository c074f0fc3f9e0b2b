package dev.netchat.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request target with a bad percent-encoding ({@code %zz}, a {@code %} at the end, bytes that are not UTF-8
 * such as {@code %C3%28}) in its path or query is answered 400 problem+json before anything reads it. It checks
 * the raw target (getRequestURI and getQueryString are not decoded), so it works whatever the server decoded.
 *
 * <p>On WildFly the listeners' {@code decode-url} is off and the host decodes only well-formed targets
 * (config/netchat.cli): the parser would otherwise refuse a malformed one itself with an empty 400 before NetChat
 * runs. Declared first in web.xml, so it runs before every other filter.
 */
public class MalformedUrlFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String problem = problem(request.getRequestURI());
        if (problem == null) {
            problem = problem(request.getQueryString());
        }
        if (problem != null) {
            ProblemWriter.write(
                    request, response, 400, "Bad request", "The request's address is not valid: " + problem + ".");
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with a raw path or query string, or null when its percent-encoding is well-formed UTF-8. */
    static String problem(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return "a '%' without two hexadecimal digits after it";
                }
                int hi = hex(raw.charAt(i + 1));
                int lo = hex(raw.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return "a '%' without two hexadecimal digits after it";
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                return null; // raw non-ASCII: not this filter's business (the server refuses it)
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return null;
        } catch (CharacterCodingException e) {
            return "percent-encoded bytes that are not UTF-8";
        }
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9'
                ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
