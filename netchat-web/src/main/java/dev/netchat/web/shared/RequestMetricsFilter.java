package dev.netchat.web.shared;

import dev.netchat.metrics.NetChatMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Times every REST request that reached a resource, under its route template (/channels/{id}/messages), never
 * the raw path: ids in the path would make one series per channel.
 */
@Provider
@Priority(1)
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = "netchat.started";

    @Inject
    NetChatMetrics metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        metrics.request(
                request.getMethod(), route(), response.getStatus(), Duration.ofNanos(System.nanoTime() - started));
    }

    private String route() {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null) {
            return "unmatched";
        }
        Path outer = type.getAnnotation(Path.class);
        Path inner = method.getAnnotation(Path.class);
        String route =
                "/" + (outer == null ? "" : strip(outer.value())) + (inner == null ? "" : "/" + strip(inner.value()));
        return route.endsWith("/") && route.length() > 1 ? route.substring(0, route.length() - 1) : route;
    }

    private static String strip(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
