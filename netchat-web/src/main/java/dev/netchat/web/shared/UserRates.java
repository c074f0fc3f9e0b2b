package dev.netchat.web.shared;

import dev.netchat.shared.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-user rates of the actions one account could use to flood others: posting, creating conversations with
 * other people in them, typing events. REST answers 429 with Retry-After beyond them, the socket an error frame.
 */
@ApplicationScoped
public class UserRates {

    private final RateLimiter posts;
    private final RateLimiter groups;
    private final RateLimiter typing;

    @Inject
    dev.netchat.metrics.NetChatMetrics metrics;

    @Inject
    public UserRates(
            @ConfigProperty(name = "netchat.limits.posts-burst", defaultValue = "60") int postsBurst,
            @ConfigProperty(name = "netchat.limits.posts-per-second", defaultValue = "5") double postsPerSecond,
            @ConfigProperty(name = "netchat.limits.conversations-burst", defaultValue = "20") int groupsBurst,
            @ConfigProperty(name = "netchat.limits.conversations-per-minute", defaultValue = "10")
                    double groupsPerMinute,
            @ConfigProperty(name = "netchat.limits.typing-burst", defaultValue = "20") int typingBurst,
            @ConfigProperty(name = "netchat.limits.typing-per-second", defaultValue = "2") double typingPerSecond) {
        this.posts = new RateLimiter(postsBurst, postsPerSecond);
        this.groups = new RateLimiter(groupsBurst, groupsPerMinute / 60d);
        this.typing = new RateLimiter(typingBurst, typingPerSecond);
    }

    /** For CDI's proxy only. */
    protected UserRates() {
        this.posts = null;
        this.groups = null;
        this.typing = null;
    }

    /** Throws 429 when the user posts faster than allowed. */
    public void post(String userId) {
        counted(() -> posts.acquire(userId, "messages"));
    }

    /** Throws 429 when the user creates conversations with other people faster than allowed. */
    public void conversation(String userId) {
        counted(() -> groups.acquire(userId, "new conversations"));
    }

    /** Seconds until the user may send the next typing event, 0 when it may go now. */
    public long typing(String userId) {
        long wait = typing.tryAcquire(userId);
        if (wait > 0) {
            metrics.rateLimited();
        }
        return wait;
    }

    private void counted(Runnable acquire) {
        try {
            acquire.run();
        } catch (dev.netchat.shared.TooManyRequestsException e) {
            metrics.rateLimited();
            throw e;
        }
    }
}
