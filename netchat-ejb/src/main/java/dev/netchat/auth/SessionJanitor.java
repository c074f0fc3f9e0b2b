package dev.netchat.auth;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Deletes long-expired refresh tokens once an hour, so the table holds live sessions only. */
@Singleton
public class SessionJanitor {

    @Inject
    AuthService auth;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        auth.purgeExpired();
    }
}
