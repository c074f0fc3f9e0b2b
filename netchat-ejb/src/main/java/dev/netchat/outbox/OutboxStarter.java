package dev.netchat.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Starts the outbox worker when the application starts, after the schema is migrated. */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class OutboxStarter {

    @Inject
    OutboxWorker worker;

    @PostConstruct
    void start() {
        worker.start();
    }
}
