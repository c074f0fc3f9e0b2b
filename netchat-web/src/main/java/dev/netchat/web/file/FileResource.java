package dev.netchat.web.file;

import dev.netchat.file.AttachmentDto;
import dev.netchat.file.FileService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

/**
 * Attachments: upload the raw bytes of one file to a channel (then post a message naming it in
 * {@code attachmentIds}), download a file, its thumbnail or its preview. Every read checks the caller's session
 * against the channel's members.
 */
@Path("files")
@RolesAllowed({"user", "admin"})
public class FileResource {

    private static final String CACHE = "private, max-age=86400";

    @EJB
    FileService files;

    @Inject
    JsonWebToken caller;

    @Context
    HttpServletRequest request;

    /**
     * Its answers (201, 404, 413, 429) are documented in META-INF/openapi.yaml; the empty {@code @APIResponses}
     * stops the OpenAPI scanner from adding its default for a method returning {@code Response}, a "200" the
     * upload never answers.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponses
    public Response upload(
            @QueryParam("channelId") String channelId, @QueryParam("name") String name, InputStream body) {
        AttachmentDto stored = files.upload(caller.getName(), channelId, name, request.getContentLengthLong(), body);
        return Response.created(URI.create(stored.url())).entity(stored).build();
    }

    @GET
    @Path("{id}")
    public Response original(@PathParam("id") String id, @QueryParam("download") String download) {
        return FileResponses.stream(files, files.download(caller.getName(), id, null), CACHE, download != null);
    }

    @GET
    @Path("{id}/thumbnail")
    public Response thumbnail(@PathParam("id") String id) {
        return FileResponses.stream(files, files.download(caller.getName(), id, "thumbnail"), CACHE, false);
    }

    @GET
    @Path("{id}/preview")
    public Response preview(@PathParam("id") String id) {
        return FileResponses.stream(files, files.download(caller.getName(), id, "preview"), CACHE, false);
    }
}
