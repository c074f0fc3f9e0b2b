package dev.netchat.web.shared;

import dev.netchat.auth.SigningKeys;
import dev.netchat.auth.TokenIssuer;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Defaults for MicroProfile JWT that NetChat must compute: above all the verification key, which is generated
 * on first start into the data folder and so cannot be written in a properties file. Ordinal 90: below
 * environment variables (300) and system properties (400), so an operator can override every value.
 */
public class NetChatConfigSource implements ConfigSource {

    static final String ACCESS_COOKIE = "netchat_access";

    private static final Map<String, String> STATIC = Map.of(
            "mp.jwt.verify.issuer", TokenIssuer.DEFAULT_ISSUER,
            // Browsers send the HttpOnly cookie; other clients the Authorization header; both are accepted.
            "mp.jwt.token.header", "Cookie",
            "mp.jwt.token.cookie", ACCESS_COOKIE,
            "smallrye.jwt.always-check-authorization", "true",
            "mp.jwt.verify.publickey.algorithm", "RS256");

    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    @Override
    public Set<String> getPropertyNames() {
        var names = new java.util.HashSet<>(STATIC.keySet());
        names.add(PUBLIC_KEY);
        return names;
    }

    @Override
    public String getValue(String propertyName) {
        if (PUBLIC_KEY.equals(propertyName)) {
            return SigningKeys.publicKeyPem();
        }
        return STATIC.get(propertyName);
    }

    @Override
    public String getName() {
        return "netchat-defaults";
    }

    @Override
    public int getOrdinal() {
        return 90;
    }
}
