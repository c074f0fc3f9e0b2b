package dev.netchat.web.message;

import dev.netchat.message.MentionService;
import dev.netchat.web.shared.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's mentions, newest first; {@code before} (an ISO instant, a message's createdAt) pages back. */
@Path("mentions")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class MentionResource {

    @EJB
    MentionService mentions;

    @Inject
    JsonWebToken caller;

    @GET
    public MessageListDto list(@QueryParam("before") String before, @QueryParam("limit") String limit) {
        return new MessageListDto(mentions.mentions(
                caller.getName(),
                QueryParams.optionalInstant("before", before),
                QueryParams.optionalInteger("limit", limit)));
    }
}
