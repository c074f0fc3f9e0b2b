package dev.netchat.web.file;

import dev.netchat.file.FileService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Uploaded profile pictures. A picture never changes under its id (a new upload gets a new id and URL), so it
 * is cached for a year.
 */
@Path("avatars")
@RolesAllowed({"user", "admin"})
public class AvatarResource {

    @EJB
    FileService files;

    @GET
    @Path("{id}")
    public Response avatar(@PathParam("id") String id, @QueryParam("size") @DefaultValue("128") String size) {
        int edge;
        try {
            edge = Integer.parseInt(size);
        } catch (NumberFormatException e) {
            edge = 128;
        }
        return FileResponses.stream(files, files.avatar(id, edge), "private, max-age=31536000, immutable", false);
    }
}
