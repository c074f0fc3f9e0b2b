package dev.netchat.auth;

import dev.netchat.shared.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs access tokens. Operators may supply it (NETCHAT_JWT_PRIVATE_KEY_FILE, a PKCS#8
 * PEM; every node of a cluster must share it). Otherwise it is generated once, on first start, into
 * {@code <data folder>/keys/}, readable by the server's user only, and reused from then on.
 *
 * <p>Both the token issuer and MicroProfile JWT's verifier (through a config source in the web module) read
 * it from here, whichever asks first; a file lock keeps two callers from generating two different pairs.
 */
public final class SigningKeys {

    public static final String PRIVATE_KEY_FILE_ENV = "NETCHAT_JWT_PRIVATE_KEY_FILE";
    private static final String PRIVATE_KEY_FILE_PROPERTY = "netchat.jwt.private-key-file";

    private static volatile KeyPair keyPair;

    private SigningKeys() {}

    public static PrivateKey privateKey() {
        return keyPair().getPrivate();
    }

    public static PublicKey publicKey() {
        return keyPair().getPublic();
    }

    /** The public key as a PEM text, as {@code mp.jwt.verify.publickey} expects it. */
    public static String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey().getEncoded());
    }

    private static KeyPair keyPair() {
        KeyPair pair = keyPair;
        if (pair == null) {
            synchronized (SigningKeys.class) {
                pair = keyPair;
                if (pair == null) {
                    pair = load();
                    keyPair = pair;
                }
            }
        }
        return pair;
    }

    private static KeyPair load() {
        String configured = System.getProperty(PRIVATE_KEY_FILE_PROPERTY, System.getenv(PRIVATE_KEY_FILE_ENV));
        try {
            if (configured != null && !configured.isBlank()) {
                return fromPrivateKey(readPem(Path.of(configured)));
            }
            Path dir = DataDirectory.get().resolve("keys");
            Files.createDirectories(dir);
            Path file = dir.resolve("jwt-private.pem");
            try (FileChannel lockFile = FileChannel.open(
                            dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (!Files.exists(file)) {
                    generateInto(file);
                }
                return fromPrivateKey(readPem(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("NetChat cannot read or create its token signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("NetChat's token signing key is not an RSA PKCS#8 key", e);
        }
    }

    private static void generateInto(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions must protect the key.
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] readPem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    private static KeyPair fromPrivateKey(byte[] pkcs8) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        PublicKey pub = factory.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
        return new KeyPair(pub, priv);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
