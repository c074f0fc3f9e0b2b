package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Only tokens NetChat signed, unaltered and unexpired, for its issuer, are accepted. */
@ExtendWith(ServerExtension.class)
class TokenIT {

    private final Api api = ServerExtension.api();

    @Test
    void theIssuedTokenIsAnRs256JwtWithTheDocumentedClaims() throws Exception {
        Api.Session user = api.newUser("claims");
        String[] parts = user.token().split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        var claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));

        assertThat(Api.JSON.readTree(header).path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("sub").asText()).isEqualTo(user.userId());
        assertThat(claims.path("upn").asText()).isEqualTo(user.userId());
        assertThat(claims.path("groups").get(0).asText()).isEqualTo("user");
        assertThat(claims.path("iss").asText()).isEqualTo("netchat");
        assertThat(claims.path("jti").asText()).isNotBlank();
        long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
        assertThat(lifetime).isEqualTo(15 * 60);
    }

    @Test
    void aValidTokenIsAccepted() {
        Api.Session user = api.newUser("valid");
        assertThat(api.send("GET", "/api/users/me", null, user.bearer()).status())
                .isEqualTo(200);
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        Api.Session user = api.newUser("tamper");
        Api.Session admin = api.newUser("victim");
        String[] parts = user.token().split("\\.");
        // Swap the subject for another user's id and claim the admin role, keeping the original signature.
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(user.userId(), admin.userId())
                .replace("\"user\"", "\"admin\"");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        assertRefused(forged);
    }

    @Test
    void anExpiredTokenSignedByNetChatsOwnKeyIsRefused() throws Exception {
        Api.Session user = api.newUser("expired");
        Instant issued = Instant.now().minusSeconds(3600);
        // Both carry the user's live sign-in session (sid): a token of no session is refused for that alone.
        JwtClaims expired = claims(user.userId(), "netchat", issued, issued.plusSeconds(900));
        expired.setClaim("sid", sessionOf(user.token()));
        String token = sign(serverKey(), expired, AlgorithmIdentifiers.RSA_USING_SHA256);
        // The same claims, unexpired, are accepted: only the expiry differs.
        JwtClaims unexpired =
                claims(user.userId(), "netchat", Instant.now(), Instant.now().plusSeconds(900));
        unexpired.setClaim("sid", sessionOf(user.token()));
        String fresh = sign(serverKey(), unexpired, AlgorithmIdentifiers.RSA_USING_SHA256);
        assertThat(api.send("GET", "/api/users/me", null, "Authorization", "Bearer " + fresh)
                        .status())
                .isEqualTo(200);

        assertRefused(token);
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        Api.Session user = api.newUser("unsigned");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(
                claims(user.userId(), "netchat", Instant.now(), Instant.now().plusSeconds(900))
                        .toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        String token = jws.getCompactSerialization();

        assertRefused(token);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        Api.Session user = api.newUser("otherkey");
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String token = sign(
                g.generateKeyPair().getPrivate(),
                claims(user.userId(), "netchat", Instant.now(), Instant.now().plusSeconds(900)),
                AlgorithmIdentifiers.RSA_USING_SHA256);

        assertRefused(token);
    }

    @Test
    void aTokenForAnotherIssuerIsRefused() throws Exception {
        Api.Session user = api.newUser("issuer");
        String token = sign(
                serverKey(),
                claims(
                        user.userId(),
                        "someone-else",
                        Instant.now(),
                        Instant.now().plusSeconds(900)),
                AlgorithmIdentifiers.RSA_USING_SHA256);

        assertRefused(token);
    }

    @Test
    void aBadTokenInTheCookieIsRefusedAndTheCookieCleared() {
        Api.Reply r = api.send("GET", "/api/users/me", null, "Cookie", "netchat_access=not.a.token");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        Api.Cookie cleared = r.cookie("netchat_access").orElseThrow();
        assertThat(cleared.value()).isEmpty();
        assertThat(cleared.attribute("Max-Age")).hasValue("0");
    }

    private void assertRefused(String token) {
        Api.Reply r = api.send("GET", "/api/users/me", null, "Authorization", "Bearer " + token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** The sign-in session ({@code sid}) of a token NetChat issued. */
    private static String sessionOf(String token) throws Exception {
        return JwtClaims.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .getClaimValueAsString("sid");
    }

    private static JwtClaims claims(String userId, String issuer, Instant issued, Instant expires) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(issuer);
        c.setSubject(userId);
        c.setClaim("upn", userId);
        c.setStringListClaim("groups", List.of("user"));
        c.setJwtId(UUID.randomUUID().toString());
        c.setIssuedAt(NumericDate.fromSeconds(issued.getEpochSecond()));
        c.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        return c;
    }

    private static String sign(PrivateKey key, JwtClaims claims, String alg) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(alg);
        return jws.getCompactSerialization();
    }

    /** The key NetChat generated on first start into its data folder. */
    private static PrivateKey serverKey() throws Exception {
        String pem = Files.readString(ServerExtension.server().dataDir().resolve("keys/jwt-private.pem"))
                .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
