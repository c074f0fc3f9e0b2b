package dev.netchat.web.user;

import dev.netchat.auth.AuthService;
import dev.netchat.file.FileService;
import dev.netchat.presence.OnlineUsers;
import dev.netchat.user.MeDto;
import dev.netchat.user.NotificationsDto;
import dev.netchat.user.ProfileChanges;
import dev.netchat.user.UserDto;
import dev.netchat.user.UserService;
import dev.netchat.web.auth.AllowedBeforePasswordChange;
import dev.netchat.web.shared.QueryParams;
import dev.netchat.web.shared.RequiredBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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

    @EJB
    FileService files;

    @Context
    HttpServletRequest request;

    /**
     * The avatar a user gave as a URL to another host, fetched by NetChat so that host never sees the viewers
     * (what users and messages name as {@code avatarURL} for such users).
     */
    @GET
    @Path("{id}/avatar")
    @Produces("image/jpeg")
    public Response externalAvatar(@jakarta.ws.rs.PathParam("id") String id) {
        return Response.ok(files.externalAvatar(id), "image/jpeg")
                .header("Cache-Control", "private, max-age=3600")
                .header("Content-Disposition", "inline; filename=\"avatar.jpg\"")
                .build();
    }

    /** A new profile picture from the image's raw bytes; answers the user with its new avatar URL. */
    @POST
    @Path("me/avatar")
    @Consumes(MediaType.WILDCARD)
    public MeDto uploadAvatar(java.io.InputStream body) {
        files.uploadAvatar(caller.getName(), request.getContentLengthLong(), body);
        return users.me(caller.getName());
    }

    @GET
    @Path("me")
    @AllowedBeforePasswordChange
    public MeDto me() {
        return users.me(caller.getName());
    }

    @PATCH
    @Path("me")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public MeDto update(@RequiredBody @Valid ProfileUpdateRequest body) {
        NotificationsDto n =
                body.notifications() == null ? new NotificationsDto(null, null, null) : body.notifications();
        return users.updateProfile(
                caller.getName(),
                new ProfileChanges(
                        body.fullName(),
                        body.phoneNumber(),
                        body.avatarURL(),
                        n.sms(),
                        n.desktop(),
                        n.dndUntil(),
                        body.timeZone(),
                        body.readReceipts()));
    }

    @POST
    @Path("me/password")
    @AllowedBeforePasswordChange
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@RequiredBody @Valid PasswordChangeRequest body) {
        auth.changePassword(caller.getName(), body.currentPassword(), body.newPassword(), caller.getClaim("sid"));
        return Response.noContent().build();
    }

    /** The caller's custom status, which others see on the profile card and in the people directory. */
    @PUT
    @Path("me/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public MeDto setStatus(@RequiredBody @Valid StatusRequest body) {
        return users.setStatus(caller.getName(), body.emoji(), body.text(), body.expiresAt());
    }

    @DELETE
    @Path("me/status")
    public MeDto clearStatus() {
        return users.clearStatus(caller.getName());
    }

    /** The people directory and the member pickers: {@code after} (a username) gives the next page. */
    @GET
    public UserListDto search(
            @QueryParam("q") @DefaultValue("") String q,
            @QueryParam("limit") @DefaultValue("20") String limit,
            @QueryParam("after") String after) {
        // Signed-in callers only; the caller's own account must still be valid.
        return new UserListDto(
                users.directory(caller.getName(), q, QueryParams.integer("limit", limit), after, presence::isOnline));
    }

    /** One person as others see them (the profile card): presence, time zone, when last active. */
    @GET
    @Path("{id}")
    public UserDto profile(@PathParam("id") String id) {
        return users.profile(caller.getName(), id, presence::isOnline);
    }
}
