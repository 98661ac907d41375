package org.mutualvote.ballot;

import org.jboss.resteasy.reactive.RestResponse;
import org.mutualvote.web.ProblemException;

/**
 * Turns a cast's outcome into the HTTP answer: the receipt with 201, or a problem in the words of the kind of
 * contest it was cast in. One place, so every way of casting (a member's own ballot, a proxy's, each kind of
 * contest) answers alike.
 */
public record CastAnswer(String alreadyVoted, String notOnRoll, String notOpenSubject, String notFound) {

    /** The member's own ballot in a contest called {@code noun} ("contest", "surplus vote", ...). */
    public static CastAnswer forOwnBallot(String noun, String notFound) {
        return new CastAnswer("You have already voted in this " + noun,
                "You are not on the voter roll of this " + noun + " (the roll was fixed when voting opened)", "the " + noun,
                notFound);
    }

    public RestResponse<CastOutcome.Receipt> to(CastOutcome outcome) {
        // Java 17 has no pattern switch: the sealed interface keeps this list complete by review.
        if (outcome instanceof CastOutcome.Accepted a) {
            return RestResponse.status(RestResponse.Status.CREATED, a.receipt());
        }
        if (outcome instanceof CastOutcome.AlreadyVoted) {
            throw ProblemException.conflict(alreadyVoted).coded("already-voted");
        }
        if (outcome instanceof CastOutcome.NotOnRoll) {
            throw ProblemException.forbidden(notOnRoll).coded("not-on-roll");
        }
        if (outcome instanceof CastOutcome.NotOpen n) {
            throw ProblemException.conflict("Voting is not open: " + notOpenSubject + " is " + n.state()).coded("voting-not-open");
        }
        throw ProblemException.notFound(notFound);
    }
}
