package dev.netchat.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netchat.shared.DataDirectory;
import dev.netchat.user.Role;
import dev.netchat.user.UserAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIssuerTest {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void useTemporaryDataFolder() {
        System.setProperty(DataDirectory.PROPERTY, dataDir.toString());
    }

    @Test
    void issuesAnRs256TokenThatVerifiesWithThePublicKeyAndCarriesTheClaims() throws Exception {
        UserAccount user = new UserAccount("ann", "Ann", "hash", Role.ADMIN, Instant.now());
        Instant now = Instant.now();

        TokenIssuer.AccessToken token =
                new TokenIssuer("netchat", Duration.ofMinutes(15)).issue(user, "session-1", now);

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(SigningKeys.publicKey())
                .setExpectedIssuer("netchat")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .build();
        JwtClaims claims = consumer.processToClaims(token.token());
        assertThat(claims.getSubject()).isEqualTo(user.getId());
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo(user.getId());
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("admin");
        assertThat(claims.getClaimValueAsString("sid")).isEqualTo("session-1");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(900);
        assertThat(token.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void theKeyPairIsGeneratedOnceIntoTheDataFolderReadableByItsOwnerOnly() throws Exception {
        String pem = SigningKeys.publicKeyPem();
        Path file = dataDir.resolve("keys/jwt-private.pem");

        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(SigningKeys.publicKeyPem()).isEqualTo(pem);
    }
}
