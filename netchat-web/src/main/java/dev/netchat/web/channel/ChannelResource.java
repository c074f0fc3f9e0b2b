package dev.netchat.web.channel;

import dev.netchat.channel.ChannelChanges;
import dev.netchat.channel.ChannelDto;
import dev.netchat.channel.ChannelService;
import dev.netchat.channel.CreatedChannel;
import dev.netchat.channel.NewChannel;
import dev.netchat.message.PinService;
import dev.netchat.web.message.MessageListDto;
import dev.netchat.web.shared.RequiredBody;
import dev.netchat.web.shared.UserRates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

/**
 * Channels the caller is in, discovering and joining public ones, members, read markers and pins. A channel's
 * messages (history and posting) are {@link dev.netchat.web.message.ChannelMessagesResource}'s.
 */
@Path("channels")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

    @Inject
    UserRates rates;

    @EJB
    ChannelService channels;

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
    public Response create(@RequiredBody @Valid CreateChannelRequest body) {
        if (body.memberIds() != null
                && body.memberIds().stream().anyMatch(m -> m != null && !m.equals(caller.getName()))) {
            rates.conversation(caller.getName());
        }
        CreatedChannel result = channels.create(
                caller.getName(),
                new NewChannel(body.type(), body.name(), body.description(), body.isPrivate(), body.memberIds()));
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
    public ChannelDto update(@PathParam("id") String id, @RequiredBody @Valid UpdateChannelRequest body) {
        return channels.update(
                caller.getName(), id, new ChannelChanges(body.name(), body.description(), body.isPrivate()));
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChannelDto addMembers(@PathParam("id") String id, @RequiredBody @Valid AddMembersRequest body) {
        return channels.addMembers(caller.getName(), id, body.userIds());
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
    public Response read(@PathParam("id") String id, @RequiredBody @Valid ReadRequest body) {
        channels.markRead(caller.getName(), caller.getClaim("sid"), id, body.seq());
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
    public Response unread(@PathParam("id") String id, @RequiredBody @Valid ReadRequest body) {
        channels.markUnread(caller.getName(), id, body.seq());
        return Response.noContent().build();
    }

    /** The caller's own notification level and mute for the channel. */
    @PUT
    @Path("{id}/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChannelDto notifications(@PathParam("id") String id, @RequiredBody @Valid ChannelNotificationsRequest body) {
        return channels.setNotifications(caller.getName(), id, body.level(), body.muted());
    }
}
