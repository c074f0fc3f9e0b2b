package dev.netchat.web.auth;

import dev.netchat.web.error.Problems;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Deny by default: every resource method needs a verified caller unless it says {@code @PermitAll}, and the
 * role it names with {@code @RolesAllowed}. Anonymous callers get 401, callers without the role 403, both as
 * problem+json (the runtime's own role check answers 403 even to anonymous callers).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    UriInfo uri;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || isPermitAll(method)) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (security == null || security.getUserPrincipal() == null) {
            request.abortWith(Problems.of(401, "Not authenticated", "Sign in first.", uri, List.of())
                    .header("WWW-Authenticate", "Bearer realm=\"netchat\"")
                    .build());
            return;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (roles != null && Arrays.stream(roles.value()).noneMatch(security::isUserInRole)) {
            request.abortWith(Problems.of(403, "Not allowed", "You may not do this.", uri, List.of()).build());
        }
    }

    private boolean isPermitAll(Method method) {
        return method.isAnnotationPresent(PermitAll.class)
                || (!method.isAnnotationPresent(RolesAllowed.class)
                        && resource.getResourceClass().isAnnotationPresent(PermitAll.class));
    }
}
