package dev.netchat.web.message;

import dev.netchat.message.MentionService;
import dev.netchat.shared.InvalidInputException;
import dev.netchat.web.shared.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
        return new MessageListDto(mentions.mentions(caller.getName(), instant("before", before),
                QueryParams.optionalInteger("limit", limit)));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, name + " must be an instant such as 2026-12-31T23:59:59Z.");
        }
    }
}
