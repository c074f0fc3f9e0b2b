package dev.netchat.web.admin;

import dev.netchat.admin.AdminService;
import dev.netchat.admin.AdminUserDto;
import dev.netchat.admin.IntegrationsReport;
import dev.netchat.audit.Actor;
import dev.netchat.web.shared.ClientAddress;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** User administration and the audit log, for admins only. Each action is audited with the admin's address. */
@Path("admin")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @EJB
    AdminService admin;

    @EJB
    IntegrationsReport integrations;

    @Inject
    JsonWebToken caller;

    @Context
    HttpServletRequest http;

    @GET
    @Path("users")
    public AdminUserListDto users(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") String page) {
        var result = admin.users(q, QueryParams.integer("page", page));
        return new AdminUserListDto(result.items(), result.page(), result.hasMore());
    }

    @PATCH
    @Path("users/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public AdminUserDto update(@PathParam("id") String id, @RequiredBody @Valid AdminUserUpdateRequest body) {
        return admin.update(actor(), id, body.role(), body.disabled());
    }

    @POST
    @Path("users/{id}/password-reset")
    public OneTimePasswordDto resetPassword(@PathParam("id") String id) {
        return new OneTimePasswordDto(admin.resetPassword(actor(), id));
    }

    @DELETE
    @Path("users/{id}/sessions")
    public Response endSessions(@PathParam("id") String id) {
        admin.endSessions(actor(), id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("users/{id}")
    public Response delete(@PathParam("id") String id) {
        admin.delete(actor(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("audit")
    public AuditListDto audit(@QueryParam("page") @DefaultValue("0") String page) {
        var result = admin.audit(QueryParams.integer("page", page));
        return new AuditListDto(result.items(), result.page(), result.hasMore());
    }

    private Actor actor() {
        return Actor.web(caller.getName(), caller.getClaim("preferred_username"), ClientAddress.of(http));
    }

    /** Twilio and Stream: configured or not, and how their outbox stands (pending, sent, failed, last error). */
    @GET
    @Path("integrations")
    public IntegrationsReport.IntegrationsDto integrations() {
        return integrations.report();
    }

    /** Sends one outbox entry that failed for good again (404 when there is no such failed entry). */
    @POST
    @Path("integrations/outbox/{id}/resend")
    public Response resend(@PathParam("id") String id) {
        integrations.resend(actor(), QueryParams.integer("id", id));
        return Response.noContent().build();
    }

    /** Sends every failed outbox entry again; answers how many. */
    @POST
    @Path("integrations/outbox/resend-failed")
    public ResentDto resendAllFailed() {
        return new ResentDto(integrations.resendAllFailed(actor()));
    }

    /** How many failed outbox entries were made pending again. */
    public record ResentDto(int resent) {}
}
