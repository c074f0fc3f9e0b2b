package dev.netchat.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one metrics registry of this node. Micrometer's Prometheus registry is bundled in the EAR rather than
 * taken from the server, so WildFly and Payara expose the same names. Counters for what the application does,
 * gauges read on scrape for what it holds, the JVM's own heap, threads, GC and file descriptors (what a soak run
 * watches), and request latencies.
 */
@ApplicationScoped
public class NetChatMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter messagesPosted;
    private final Counter loginFailures;
    private final Counter loginsThrottled;
    private final Counter rateLimited;
    private final Counter socketsRefused;
    private final Counter framesDelivered;
    private final Counter slowClientsClosed;

    public NetChatMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        // Micrometer's FileDescriptorMetrics needs a JDK management interface the server does not expose to
        // deployments; /proc says the same on Linux.
        Gauge.builder("process.files.open", NetChatMetrics::openFileDescriptors)
                .baseUnit("files")
                .description("Open file descriptors of the server process")
                .register(registry);
        new UptimeMetrics().bindTo(registry);
        messagesPosted = Counter.builder("netchat.messages.posted")
                .description("Messages accepted (201)")
                .register(registry);
        loginFailures = Counter.builder("netchat.login.failures")
                .description("Sign-ins refused for a wrong username or password")
                .register(registry);
        loginsThrottled = Counter.builder("netchat.login.throttled")
                .description("Sign-ins refused by the sign-in limits (429)")
                .register(registry);
        rateLimited = Counter.builder("netchat.rate.limited")
                .description("Requests refused by a per-user rate (429 or error frame)")
                .register(registry);
        socketsRefused = Counter.builder("netchat.sockets.refused")
                .description("Sockets closed at once (over the per-user cap, binary frames, ended sessions)")
                .register(registry);
        framesDelivered = Counter.builder("netchat.ws.frames.delivered")
                .description("Frames written to sockets and acknowledged by the container")
                .register(registry);
        slowClientsClosed = Counter.builder("netchat.ws.slow.clients.closed")
                .description("Sockets closed because their outbound queue filled up (a client too slow to read)")
                .register(registry);
    }

    private static double openFileDescriptors() {
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @PreDestroy
    void close() {
        gc.close();
        registry.close();
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

    public void messagePosted() {
        messagesPosted.increment();
    }

    public void loginFailed() {
        loginFailures.increment();
    }

    public void loginThrottled() {
        loginsThrottled.increment();
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void socketRefused() {
        socketsRefused.increment();
    }

    /** One frame written to a socket. */
    public void frameDelivered() {
        framesDelivered.increment();
    }

    /** One socket closed for letting its outbound queue fill up. */
    public void slowClientClosed() {
        slowClientsClosed.increment();
    }

    /** A gauge read on every scrape (sockets open, queue depths, outbox backlog); registered once per name. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, () -> {
                    Number n = value.get();
                    return n == null ? Double.NaN : n.doubleValue();
                })
                .description(description)
                .register(registry);
    }

    /** Records one API request's latency under its method, route template and status class. */
    public void request(String method, String route, int status, Duration took) {
        Timer.builder("netchat.http.requests")
                .description("REST request latencies")
                .tag("method", method)
                .tag("route", route)
                .tag("status", status / 100 + "xx")
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }
}
