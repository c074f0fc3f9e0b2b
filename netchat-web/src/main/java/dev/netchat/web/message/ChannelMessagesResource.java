package dev.netchat.web.message;

import dev.netchat.message.MessagePageDto;
import dev.netchat.message.MessageService;
import dev.netchat.message.PostedMessage;
import dev.netchat.metrics.NetChatMetrics;
import dev.netchat.web.shared.QueryParams;
import dev.netchat.web.shared.RequiredBody;
import dev.netchat.web.shared.UserRates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A channel's messages: its history, page by page, and posting to it (201 new, 200 a retry of the same post). */
@Path("channels/{id}/messages")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class ChannelMessagesResource {

    @Inject
    UserRates rates;

    @Inject
    NetChatMetrics metrics;

    @EJB
    MessageService messages;

    @Inject
    JsonWebToken caller;

    @GET
    public MessagePageDto history(
            @PathParam("id") String id,
            @QueryParam("before") String before,
            @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        return messages.history(
                caller.getName(),
                id,
                QueryParams.optionalLong("before", before),
                QueryParams.optionalLong("after", after),
                QueryParams.optionalInteger("limit", limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("id") String id, @RequiredBody @Valid PostMessageRequest body) {
        rates.post(caller.getName());
        PostedMessage posted = messages.post(
                caller.getName(),
                id,
                body.text(),
                body.clientMessageId(),
                body.parentId(),
                body.attachmentIds(),
                !Boolean.FALSE.equals(body.linkPreview()));
        if (posted.created()) {
            metrics.messagePosted();
        }
        return Response.status(posted.created() ? 201 : 200)
                .entity(posted.message())
                .build();
    }
}
