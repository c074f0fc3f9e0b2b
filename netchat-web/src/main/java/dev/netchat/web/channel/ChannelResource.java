package dev.netchat.web.channel;

import dev.netchat.channel.ChannelChanges;
import dev.netchat.channel.ChannelDto;
import dev.netchat.channel.ChannelService;
import dev.netchat.channel.CreatedChannel;
import dev.netchat.channel.NewChannel;
import dev.netchat.message.MessagePage;
import dev.netchat.message.MessageService;
import dev.netchat.message.PinService;
import dev.netchat.message.PostedMessage;
import dev.netchat.web.message.MessageListDto;
import dev.netchat.web.shared.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Channels the caller is in, discovering and joining public ones, members, read markers, history and posting. */
@Path("channels")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

    @jakarta.inject.Inject
    dev.netchat.web.shared.UserRates rates;

    @jakarta.inject.Inject
    dev.netchat.metrics.NetChatMetrics metrics;

    @EJB
    ChannelService channels;

    @EJB
    MessageService messages;

    @EJB
    PinService pins;

    @Inject
    JsonWebToken caller;

    @GET
    public ChannelListDto list(@QueryParam("type") String type) {
        return new ChannelListDto(channels.list(caller.getName(), type));
    }

    @GET
    @Path("discover")
    public ChannelListDto discover(@QueryParam("q") String q) {
        return new ChannelListDto(channels.discover(caller.getName(), q));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateChannelRequest body) {
        CreateChannelRequest b = body == null ? new CreateChannelRequest(null, null, null, null, null) : body;
        if (b.memberIds() != null && b.memberIds().stream().anyMatch(m -> m != null && !m.equals(caller.getName()))) {
            rates.conversation(caller.getName());
        }
        CreatedChannel result = channels.create(
                caller.getName(), new NewChannel(b.type(), b.name(), b.description(), b.isPrivate(), b.memberIds()));
        return Response.status(result.created() ? 201 : 200)
                .entity(result.channel())
                .build();
    }

    @GET
    @Path("{id}")
    public ChannelDto get(@PathParam("id") String id) {
        return channels.get(caller.getName(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public ChannelDto update(@PathParam("id") String id, UpdateChannelRequest body) {
        UpdateChannelRequest b = body == null ? new UpdateChannelRequest(null, null, null) : body;
        return channels.update(caller.getName(), id, new ChannelChanges(b.name(), b.description(), b.isPrivate()));
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChannelDto addMembers(@PathParam("id") String id, AddMembersRequest body) {
        return channels.addMembers(caller.getName(), id, body == null ? null : body.userIds());
    }

    @DELETE
    @Path("{id}/members/{userId}")
    public Response removeMember(@PathParam("id") String id, @PathParam("userId") String userId) {
        channels.removeMember(caller.getName(), id, userId);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/join")
    public ChannelDto join(@PathParam("id") String id) {
        return channels.join(caller.getName(), id);
    }

    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("id") String id, ReadRequest body) {
        channels.markRead(caller.getName(), caller.getClaim("sid"), id, body == null ? null : body.seq());
        return Response.noContent().build();
    }

    /** Read receipts: how far the other members of a direct or group conversation have seen it. */
    @GET
    @Path("{id}/receipts")
    public ReceiptsDto receipts(@PathParam("id") String id) {
        return new ReceiptsDto(channels.receipts(caller.getName(), id));
    }

    /** The conversation's pinned messages, most recently pinned first (at most 100). */
    @GET
    @Path("{id}/pins")
    public MessageListDto pins(@PathParam("id") String id) {
        return new MessageListDto(pins.pinned(caller.getName(), id));
    }

    /** "Mark as unread from here": the event {@code seq} and everything after it become unread for the caller. */
    @POST
    @Path("{id}/unread")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response unread(@PathParam("id") String id, ReadRequest body) {
        channels.markUnread(caller.getName(), id, body == null ? null : body.seq());
        return Response.noContent().build();
    }

    /** The caller's own notification level and mute for the channel. */
    @PUT
    @Path("{id}/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChannelDto notifications(@PathParam("id") String id, ChannelNotificationsRequest body) {
        ChannelNotificationsRequest b = body == null ? new ChannelNotificationsRequest(null, null) : body;
        return channels.setNotifications(caller.getName(), id, b.level(), b.muted());
    }

    @GET
    @Path("{id}/messages")
    public MessagePage history(
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
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("id") String id, PostMessageRequest body) {
        PostMessageRequest b = body == null ? new PostMessageRequest(null, null, null, null, null) : body;
        rates.post(caller.getName());
        PostedMessage posted = messages.post(
                caller.getName(),
                id,
                b.text(),
                b.clientMessageId(),
                b.parentId(),
                b.attachmentIds(),
                !Boolean.FALSE.equals(b.linkPreview()));
        if (posted.created()) {
            metrics.messagePosted();
        }
        return Response.status(posted.created() ? 201 : 200)
                .entity(posted.message())
                .build();
    }
}
