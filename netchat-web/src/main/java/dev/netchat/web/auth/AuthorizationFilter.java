package dev.netchat.web.auth;

import dev.netchat.auth.SessionStatus;
import dev.netchat.shared.NotAllowedException;
import dev.netchat.user.AccountStatus;
import dev.netchat.web.error.Problems;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Deny by default: every resource method needs a verified caller unless it says {@code @PermitAll}, and the
 * role it names with {@code @RolesAllowed}, checked against the account as it is now (a token may carry a role
 * since revoked). Anonymous callers get 401, disabled accounts and callers without the role 403, all as
 * problem+json (the runtime's own role check answers 403 even to anonymous callers).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    UriInfo uri;

    @Inject
    AccountStatus accounts;

    @Inject
    SessionStatus sessions;

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
        // The token says who; the database says whether that account may still act, and with which role.
        AccountStatus.Status status = accounts.of(security.getUserPrincipal().getName());
        if (!status.exists()) {
            request.abortWith(Problems.of(401, "Not authenticated", "This account no longer exists.", uri, List.of())
                    .header("WWW-Authenticate", "Bearer realm=\"netchat\"")
                    .build());
            return;
        }
        if (!status.active()) {
            request.abortWith(Problems.of(
                            new NotAllowedException(
                                    NotAllowedException.Why.ACCOUNT_DISABLED, "This account is disabled."),
                            uri)
                    .build());
            return;
        }
        // The token is valid until it expires, but its session may have ended since (logout, password change,
        // a reused refresh token, an admin): refused on every node within seconds.
        if (!(security.getUserPrincipal() instanceof JsonWebToken jwt) || !sessions.active(jwt.getClaim("sid"))) {
            request.abortWith(
                    Problems.of(401, "Session ended", "This session has ended; sign in again.", uri, List.of())
                            .header("WWW-Authenticate", "Bearer realm=\"netchat\", error=\"invalid_token\"")
                            .build());
            return;
        }
        if (status.mustChangePassword() && !method.isAnnotationPresent(AllowedBeforePasswordChange.class)) {
            request.abortWith(Problems.of(
                            new NotAllowedException(
                                    NotAllowedException.Why.PASSWORD_CHANGE_REQUIRED,
                                    "Choose a new password first (POST /api/users/me/password)."),
                            uri)
                    .build());
            return;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (roles != null
                && Arrays.stream(roles.value())
                        .noneMatch(role -> role.equals("user") || (role.equals("admin") && status.admin()))) {
            request.abortWith(Problems.of(
                            new NotAllowedException(NotAllowedException.Why.ADMIN_ONLY, "Only an admin may do this."),
                            uri)
                    .build());
        }
    }

    private boolean isPermitAll(Method method) {
        return method.isAnnotationPresent(PermitAll.class)
                || (!method.isAnnotationPresent(RolesAllowed.class)
                        && resource.getResourceClass().isAnnotationPresent(PermitAll.class));
    }
}
