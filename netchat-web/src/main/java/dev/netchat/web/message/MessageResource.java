package dev.netchat.web.message;

import dev.netchat.message.MessageDto;
import dev.netchat.message.MessageService;
import dev.netchat.message.PinService;
import dev.netchat.message.SavedMessageService;
import dev.netchat.web.shared.RequiredBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * One message: edit, delete, reactions, its thread, its link preview, pinning it to its conversation and saving
 * it for oneself.
 */
@Path("messages/{id}")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    @EJB
    MessageService messages;

    @EJB
    PinService pins;

    @EJB
    SavedMessageService saved;

    @Inject
    JsonWebToken caller;

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public MessageDto edit(@PathParam("id") String id, @RequiredBody @Valid EditMessageRequest body) {
        return messages.edit(caller.getName(), id, body.text());
    }

    @DELETE
    public Response delete(@PathParam("id") String id) {
        messages.delete(caller.getName(), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("reactions/{type}")
    public MessageDto react(@PathParam("id") String id, @PathParam("type") String type) {
        return messages.react(caller.getName(), id, type, true);
    }

    @DELETE
    @Path("reactions/{type}")
    public MessageDto unreact(@PathParam("id") String id, @PathParam("type") String type) {
        return messages.react(caller.getName(), id, type, false);
    }

    /**
     * The author removes the message's link preview; it does not come back on later edits. Answers the message
     * without it; other members get {@code message.updated}.
     */
    @DELETE
    @Path("preview")
    public MessageDto removePreview(@PathParam("id") String id) {
        return messages.removePreview(caller.getName(), id);
    }

    /**
     * The picture of the message's link preview, fetched by NetChat and re-encoded, so that viewers' browsers never
     * contact the page's host. The URL carries a version ({@code ?v=}) that changes with the picture: cached a day.
     */
    @GET
    @Path("preview/image")
    @Produces("image/jpeg")
    public Response previewImage(@PathParam("id") String id) {
        return Response.ok(messages.previewImage(caller.getName(), id), "image/jpeg")
                .header("Cache-Control", "private, max-age=86400")
                .header("Content-Disposition", "inline; filename=\"preview.jpg\"")
                .build();
    }

    @GET
    @Path("replies")
    public MessageListDto replies(@PathParam("id") String id) {
        return new MessageListDto(messages.replies(caller.getName(), id));
    }

    /** Pins the message to its conversation for every member (idempotent; at most 100 pins: 409 beyond). */
    @PUT
    @Path("pin")
    public MessageDto pin(@PathParam("id") String id) {
        return pins.setPinned(caller.getName(), id, true);
    }

    @DELETE
    @Path("pin")
    public MessageDto unpin(@PathParam("id") String id) {
        return pins.setPinned(caller.getName(), id, false);
    }

    /** Saves the message on the caller's own list (GET /api/saved); idempotent. */
    @PUT
    @Path("saved")
    public MessageDto save(@PathParam("id") String id) {
        return saved.setSaved(caller.getName(), id, true);
    }

    @DELETE
    @Path("saved")
    public MessageDto unsave(@PathParam("id") String id) {
        return saved.setSaved(caller.getName(), id, false);
    }
}
