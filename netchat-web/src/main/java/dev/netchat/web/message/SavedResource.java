package dev.netchat.web.message;

import dev.netchat.message.SavedMessageService;
import dev.netchat.message.SavedMessageService.SavedItemDto;
import dev.netchat.web.shared.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's saved messages, most recently saved first; {@code before} (an item's savedAt) pages back. */
@Path("saved")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class SavedResource {

    /** One page of saved messages. */
    public record SavedListDto(List<SavedItemDto> items) {}

    @EJB
    SavedMessageService saved;

    @Inject
    JsonWebToken caller;

    @GET
    public SavedListDto list(@QueryParam("before") String before, @QueryParam("limit") String limit) {
        return new SavedListDto(saved.saved(
                caller.getName(),
                QueryParams.optionalInstant("before", before),
                QueryParams.optionalInteger("limit", limit)));
    }
}
