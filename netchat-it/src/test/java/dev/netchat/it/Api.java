package dev.netchat.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A small client of NetChat's REST API for tests, on the JDK's own HTTP client. */
public final class Api {

    public static final String PASSWORD = "correct horse battery";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final URI base;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** The server's own origin, as a browser page served by it would send. */
    public String origin() {
        return base.getScheme() + "://" + base.getAuthority();
    }

    /** A username no other test uses (tests share one server). */
    public static String uniqueName(String prefix) {
        return (prefix + "-" + ProcessHandle.current().pid() % 1000 + "-" + SEQUENCE.incrementAndGet() + "-"
                        + Long.toString(System.nanoTime() % 100000, 36))
                .toLowerCase();
    }

    public static ObjectNode json() {
        return JSON.createObjectNode();
    }

    public Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            b.headers(headers);
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    public Reply postJson(String path, Object body, String... headers) {
        String[] all = concat(headers, "Content-Type", "application/json");
        return send("POST", path, body instanceof String s ? s : write(body), all);
    }

    public Reply signup(String fullName, String username, String password) {
        return postJson(
                "/api/auth/signup",
                json().put("fullName", fullName).put("username", username).put("password", password));
    }

    public Reply login(String username, String password) {
        return postJson("/api/auth/login", json().put("username", username).put("password", password));
    }

    /** Signs up a fresh user and returns its session. */
    public Session newUser(String prefix) {
        String username = uniqueName(prefix);
        Reply r = signup(prefix + " Tester", username, PASSWORD);
        if (r.status() != 201) {
            throw new IllegalStateException("signup failed: " + r);
        }
        return Session.of(username, r);
    }

    public Reply get(String path, Session session) {
        return send("GET", path, null, "Authorization", "Bearer " + session.token());
    }

    /** A JSON request with a body, authenticated by the session's bearer token. */
    public Reply sendJson(String method, String path, Object body, Session session) {
        return send(
                method,
                path,
                body instanceof String s ? s : write(body),
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + session.token());
    }

    public Reply post(String path, Object body, Session session) {
        return sendJson("POST", path, body == null ? json() : body, session);
    }

    public Reply patch(String path, Object body, Session session) {
        return sendJson("PATCH", path, body, session);
    }

    /** A PUT without a body, authenticated by the session's bearer token. */
    public Reply put(String path, Session session) {
        return send("PUT", path, null, "Authorization", "Bearer " + session.token());
    }

    public Reply delete(String path, Session session) {
        return send("DELETE", path, null, "Authorization", "Bearer " + session.token());
    }

    /** Signs in an existing account and returns its session. */
    public Session loginSession(String username, String password) {
        Reply r = login(username, password);
        if (r.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + r);
        }
        return Session.of(username, r);
    }

    /** The installation's first account, the administrator (see {@link ServerExtension}). */
    public Session admin() {
        return loginSession("admin", PASSWORD);
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A signed-in user: its access token and its cookies. */
    public record Session(String username, String userId, String token, String accessCookie, String refreshCookie) {
        static Session of(String username, Reply r) {
            return new Session(
                    username,
                    r.json().path("userId").asText(),
                    r.json().path("token").asText(),
                    r.cookie("netchat_access").map(Cookie::value).orElse(null),
                    r.cookie("netchat_refresh").map(Cookie::value).orElse(null));
        }

        public String[] bearer() {
            return new String[] {"Authorization", "Bearer " + token};
        }
    }

    /** One Set-Cookie header, parsed. */
    public record Cookie(String name, String value, String raw) {
        public Optional<String> attribute(String name) {
            for (String part : raw.split(";")) {
                String[] kv = part.strip().split("=", 2);
                if (kv[0].equalsIgnoreCase(name)) {
                    return Optional.of(kv.length > 1 ? kv[1] : "");
                }
            }
            return Optional.empty();
        }
    }

    public record Reply(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public List<Cookie> cookies() {
            return headers.allValues("Set-Cookie").stream()
                    .map(raw -> {
                        String[] kv = raw.split(";", 2)[0].split("=", 2);
                        return new Cookie(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "", raw);
                    })
                    .toList();
        }

        public Optional<Cookie> cookie(String name) {
            return cookies().stream().filter(c -> c.name().equals(name)).findFirst();
        }

        /** The field names of a problem's errors list. */
        public List<String> errorFields() {
            return json().path("errors").findValuesAsText("field");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
