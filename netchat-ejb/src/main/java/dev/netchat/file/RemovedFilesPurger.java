package dev.netchat.file;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Logger;

/**
 * Removes the bytes of a deleted message's files once the delete has committed, off the deleting request's
 * thread: the caller is answered as soon as the message is deleted, and the pieces go one short transaction
 * at a time. If the node stops before that, {@link FileJanitor} finds the files marked removed and finishes.
 */
@ApplicationScoped
public class RemovedFilesPurger {

    private static final Logger LOG = Logger.getLogger(RemovedFilesPurger.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @EJB
    FileService files;

    void onRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) FilesRemoved removed) {
        try {
            executor.execute(() -> files.purge(removed.fileIds()));
        } catch (RuntimeException e) {
            LOG.warning("Could not queue the removal of " + removed.fileIds().size()
                    + " files (the cleanup will remove them): " + e);
        }
    }
}
