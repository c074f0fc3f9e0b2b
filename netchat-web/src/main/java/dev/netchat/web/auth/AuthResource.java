package dev.netchat.web.auth;

import dev.netchat.auth.AuthService;
import dev.netchat.auth.SignedInSession;
import dev.netchat.auth.SignupCommand;
import dev.netchat.stream.StreamTokens;
import dev.netchat.web.error.Problems;
import dev.netchat.web.shared.ClientAddress;
import dev.netchat.web.shared.RequiredBody;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

/** Sign-up, sign-in, silent refresh and sign-out. */
@Path("auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @EJB
    AuthService auth;

    @Inject
    JsonWebToken jwt;

    @Inject
    StreamTokens streamTokens;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    /**
     * Its answers (201, 400, 409) are documented in META-INF/openapi.yaml; the empty {@code @APIResponses} stops the
     * OpenAPI scanner from adding its default for a method returning {@code Response}, a "200" signup never answers.
     */
    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponses
    public Response signup(@RequiredBody @Valid SignupRequest body) {
        SignedInSession session = auth.signup(
                new SignupCommand(
                        body.fullName(), body.username(), body.password(), body.phoneNumber(), body.avatarURL()),
                ClientAddress.of(http));
        return Response.status(Response.Status.CREATED)
                .entity(SessionDto.body(
                        session, streamTokens.forUser(session.user().id())))
                .cookie(SessionCookies.of(session, http.isSecure()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(@RequiredBody @Valid LoginRequest body) {
        SignedInSession session = auth.login(body.username(), body.password(), ClientAddress.of(http));
        return signedIn(session);
    }

    @POST
    @Path("refresh")
    public Response refresh(@CookieParam(SessionCookies.REFRESH) String refreshToken) {
        AuthService.Renewal renewal = auth.renew(refreshToken, ClientAddress.of(http));
        if (renewal.session().isEmpty()) {
            Response.ResponseBuilder refused = renewal.accountDisabled()
                    ? Problems.of(
                            401,
                            Problems.ACCOUNT_DISABLED,
                            "Account disabled",
                            "An administrator disabled this account; an administrator can enable it again.",
                            uri)
                    : Problems.of(401, "Not authenticated", "The session has ended; sign in again.", uri, List.of());
            return refused.cookie(SessionCookies.cleared(http.isSecure())).build();
        }
        return signedIn(renewal.session().get());
    }

    @POST
    @Path("logout")
    public Response logout(@CookieParam(SessionCookies.REFRESH) String refreshToken) {
        auth.logout(refreshToken);
        if (jwt != null && jwt.getRawToken() != null) {
            auth.endSession(jwt.getName(), jwt.getClaim("sid"));
        }
        return Response.noContent()
                .cookie(SessionCookies.cleared(http.isSecure()))
                .build();
    }

    private Response signedIn(SignedInSession session) {
        return Response.ok(SessionDto.body(
                        session, streamTokens.forUser(session.user().id())))
                .cookie(SessionCookies.of(session, http.isSecure()))
                .header("Cache-Control", "no-store")
                .build();
    }
}
