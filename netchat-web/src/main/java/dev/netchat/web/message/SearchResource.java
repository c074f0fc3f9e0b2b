package dev.netchat.web.message;

import dev.netchat.message.MessageService;
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

/** Message search over the channels the caller may read (query syntax: {@link dev.netchat.message.SearchQuery}). */
@Path("search/messages")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @EJB
    MessageService messages;

    @Inject
    JsonWebToken caller;

    @GET
    public SearchResultDto search(
            @QueryParam("q") String q, @QueryParam("channelId") String channelId, @QueryParam("limit") String limit) {
        String channel = channelId == null || channelId.isBlank() ? null : channelId;
        var result = messages.search(caller.getName(), q, channel, QueryParams.optionalInteger("limit", limit));
        return new SearchResultDto(result.messages(), result.terms());
    }
}
