package org.mutualvote.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.mutualvote.web.MutualVoteConfig;
import org.mutualvote.web.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;

/**
 * Answers an import whose declared Content-Length is over the limit with a 413 problem before any of the
 * body is read (the HTTP layer would otherwise just drop the connection). A body sent without a length is
 * counted as it is read, by {@link MemberImport#readLimited}.
 */
@ApplicationScoped
class ImportSizeGuard {

    void install(@Observes Router router, MutualVoteConfig config, ObjectMapper json) throws JsonProcessingException {
        long limit = config.membership().importMaxBytes();
        Problem problem = MemberImport.tooLarge(limit).problem().withInstance("/api/members/import");
        String body = json.writeValueAsString(problem);
        router.route("/api/members/import").order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > limit) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(body);
                return;
            }
            ctx.next();
        });
    }
}
