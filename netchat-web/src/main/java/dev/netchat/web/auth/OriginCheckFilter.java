package dev.netchat.web.auth;

import dev.netchat.web.error.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;

/**
 * Cross-site request forgery guard. A browser attaches NetChat's cookies to any request to NetChat, even one a
 * foreign page started; such requests carry that page's Origin. So an unsafe request that relies on cookies
 * must carry an allowed Origin, whatever other headers it has. Bearer-token clients without cookies are not
 * affected: a foreign page cannot read the token.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class OriginCheckFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    AllowedOrigins allowedOrigins;

    @Override
    public void filter(ContainerRequestContext request) {
        // An Authorization header next to the cookies changes nothing: the server may still authenticate by the
        // cookie (and a header of any kind is no proof that the page is NetChat's).
        if (SAFE_METHODS.contains(request.getMethod()) || request.getCookies().isEmpty()) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null
                || !allowedOrigins.allows(origin, request.getUriInfo().getBaseUri())) {
            request.abortWith(Problems.of(
                            403,
                            "Origin not allowed",
                            "Requests that rely on session cookies must come from NetChat's own pages.",
                            request.getUriInfo(),
                            List.of())
                    .build());
        }
    }
}
