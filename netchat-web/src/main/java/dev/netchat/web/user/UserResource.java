package dev.netchat.web.user;

import dev.netchat.auth.AuthService;
import dev.netchat.user.ProfileChanges;
import dev.netchat.user.UserService;
import dev.netchat.user.UserView;
import dev.netchat.presence.OnlineUsers;
import dev.netchat.web.shared.QueryParams;
import dev.netchat.web.auth.AllowedBeforePasswordChange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's own account, and finding other users. */
@Path("users")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @EJB
    UserService users;

    @EJB
    AuthService auth;

    @Inject
    JsonWebToken caller;

    @Inject
    OnlineUsers presence;

    @GET
    @Path("me")
    @AllowedBeforePasswordChange
    public MeDto me() {
        return MeDto.of(users.me(caller.getName()));
    }

    @PATCH
    @Path("me")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public MeDto update(ProfileUpdateRequest body) {
        ProfileUpdateRequest b = body == null ? new ProfileUpdateRequest(null, null, null, null) : body;
        String sms = b.notifications() == null ? null : b.notifications().sms();
        return MeDto.of(users.updateProfile(caller.getName(), new ProfileChanges(b.fullName(), b.phoneNumber(), b.avatarURL(), sms)));
    }

    @POST
    @Path("me/password")
    @AllowedBeforePasswordChange
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChangeRequest body) {
        PasswordChangeRequest b = body == null ? new PasswordChangeRequest(null, null) : body;
        auth.changePassword(caller.getName(), b.currentPassword(), b.newPassword(), caller.getClaim("sid"));
        return Response.noContent().build();
    }

    @GET
    public UserListDto search(@QueryParam("q") @DefaultValue("") String q, @QueryParam("limit") @DefaultValue("20") String limit) {
        // Signed-in callers only; the caller's own account must still be valid.
        users.me(caller.getName());
        return new UserListDto(users.search(q, QueryParams.integer("limit", limit)).stream().map(u -> UserView.of(u, presence.isOnline(u.getId()))).toList());
    }
}
