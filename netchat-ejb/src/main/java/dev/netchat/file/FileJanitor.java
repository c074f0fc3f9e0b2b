package dev.netchat.file;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes uploads that were never posted with a message (and uploads that never finished) once they are older
 * than {@code netchat.files.unattached-ttl-seconds}. Every node runs it; removing twice is harmless.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FileJanitor {

    private static final Logger LOG = Logger.getLogger(FileJanitor.class.getName());

    @Resource
    TimerService timers;

    @EJB
    FileService files;

    @Inject
    @ConfigProperty(name = "netchat.files.unattached-ttl-seconds", defaultValue = "86400")
    long ttlSeconds;

    /** An upload still unfinished after this long was abandoned (the client went away mid-way). */
    @Inject
    @ConfigProperty(name = "netchat.files.unfinished-ttl-seconds", defaultValue = "21600")
    long unfinishedTtlSeconds;

    @Inject
    @ConfigProperty(name = "netchat.files.cleanup-interval-seconds", defaultValue = "600")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        long interval = Math.max(1, intervalSeconds) * 1000;
        timers.createIntervalTimer(interval, interval, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            Instant now = Instant.now();
            int removed = files.removeAbandoned(
                    now.minus(Duration.ofSeconds(ttlSeconds)),
                    now.minus(Duration.ofSeconds(Math.max(ttlSeconds, unfinishedTtlSeconds))));
            if (removed > 0) {
                LOG.info("Removed " + removed + " files that were never posted.");
            }
        } catch (RuntimeException e) {
            LOG.warning("File cleanup failed, will try again: " + e);
        }
    }
}
