package dev.netchat.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the one {@link FileStore}: the database unless {@code netchat.files.folder} (NETCHAT_FILES_FOLDER)
 * names a folder.
 */
@ApplicationScoped
class FileStores {

    @Inject
    DatabaseFileStore database;

    @Inject
    @ConfigProperty(name = "netchat.files.folder")
    Optional<String> folder;

    private FileStore chosen;

    @Produces
    @ApplicationScoped
    FileStore store() {
        if (chosen == null) {
            chosen = folder.filter(f -> !f.isBlank())
                    .<FileStore>map(f -> new FolderFileStore(Path.of(f)))
                    .orElse(database);
        }
        return chosen;
    }
}
