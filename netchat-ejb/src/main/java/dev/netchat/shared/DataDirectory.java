package dev.netchat.shared;

import java.nio.file.Path;

/**
 * The folder where NetChat keeps what must outlive a rebuild: the embedded H2 database and the generated
 * token signing keys. The server's datasource (config/netchat.cli) resolves the same variable.
 */
public final class DataDirectory {

    public static final String ENV = "NETCHAT_DATA_DIR";
    public static final String PROPERTY = "netchat.data.dir";

    private DataDirectory() {}

    public static Path get() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".netchat");
        }
        return Path.of(configured);
    }
}
