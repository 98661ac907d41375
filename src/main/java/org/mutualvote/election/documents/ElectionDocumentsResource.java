package org.mutualvote.election.documents;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.jboss.resteasy.reactive.RestResponse;
import org.mutualvote.security.Roles;
import org.mutualvote.web.ProblemException;

/**
 * An election's documents, generated from its data: {@code notice-of-election}, {@code statement-of-candidates},
 * {@code notice-of-poll}, {@code count-sheet} and {@code declaration}, each as a printable page ({@code .html}) or
 * PDF ({@code .pdf}).
 */
@Path("/api/elections/{id}/documents")
public class ElectionDocumentsResource {

    private final ElectionDocumentsService documents;

    ElectionDocumentsResource(ElectionDocumentsService documents) {
        this.documents = documents;
    }

    /** {@code /api/elections/{id}/documents/declaration.pdf}: a page is shown in place, a PDF downloaded. */
    @GET
    @Path("/{file}")
    @RolesAllowed({ Roles.ADMIN, Roles.SCRUTINEER, Roles.BOARD })
    public RestResponse<byte[]> document(@PathParam("id") long id, @PathParam("file") String file) {
        int dot = file.lastIndexOf('.');
        String format = dot < 0 ? "" : file.substring(dot + 1);
        if (!format.equals("html") && !format.equals("pdf")) {
            throw ProblemException.notFound("document '" + file + "': ask for NAME.html or NAME.pdf");
        }
        return send(documents.render(id, file.substring(0, dot), format), format.equals("pdf") ? "attachment" : "inline");
    }

    private static RestResponse<byte[]> send(ElectionDocumentsService.Rendered r, String disposition) {
        return RestResponse.ResponseBuilder.ok(r.body(), r.mediaType())
                .header("Content-Disposition", disposition + "; filename=\"" + r.fileName() + "\"").build();
    }
}
