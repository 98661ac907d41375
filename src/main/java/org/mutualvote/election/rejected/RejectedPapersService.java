package org.mutualvote.election.rejected;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.contest.Contest;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestLifecycle;
import org.mutualvote.contest.ContestRepository;
import org.mutualvote.contest.ContestState;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

/**
 * Records the paper ballots rejected at the count, as numbers per reason of rule 46(1). Kept apart from the
 * ballots and the marked register: a rejected paper is counted for no candidate, and nothing here says whose it was.
 */
@ApplicationScoped
public class RejectedPapersService {

    private final ContestRepository contests;
    private final ContestLifecycle lifecycle;
    private final RejectedPapersRepository rejected;
    private final AuditService audit;

    RejectedPapersService(ContestRepository contests, ContestLifecycle lifecycle, RejectedPapersRepository rejected,
            AuditService audit) {
        this.contests = contests;
        this.lifecycle = lifecycle;
        this.rejected = rejected;
        this.audit = audit;
    }

    @Transactional
    public RejectedPapersView get(long id) {
        contests.ofKind(id, ContestKind.ELECTION);
        return RejectedPapersView.from(id, rejected.findById(id));
    }

    /**
     * Sets the number of rejected papers for each reason given (the others keep theirs). Only once the poll has
     * closed and before the count: the numbers belong to the count's statement and cannot change after it.
     */
    @Transactional
    public RejectedPapersView record(long id, Map<String, Integer> papers, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.ELECTION);
        if (c.state != ContestState.CLOSED) {
            throw ProblemException.conflict("The election is " + c.state.key()
                    + "; rejected papers are recorded after the close of poll and before the count")
                    .coded("rejected-papers-window", "state", c.state.key());
        }
        List<FieldError> errors = new ArrayList<>();
        Map<RejectionReason, Integer> parsed = new LinkedHashMap<>();
        if (papers == null || papers.isEmpty()) {
            errors.add(Phrase.of("rejected-papers-none-given", "give the number of rejected papers for at least one reason").at("papers"));
        } else {
            papers.forEach((key, n) -> {
                try {
                    RejectionReason reason = RejectionReason.parse(key);
                    if (n == null || n < 0) {
                        errors.add(Phrase.of("whole-number-from-0", "must be a whole number from 0").at("papers." + key));
                    } else {
                        parsed.put(reason, n);
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(Phrase.of("rejection-reason-unknown", e.getMessage(), "value", key, "reasons", RejectionReason.keys())
                            .at("papers." + key));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The rejected papers cannot be recorded like this", errors).coded("rejected-papers-refused");
        }
        RejectedPapers r = rejected.findByIdOptional(id).orElseGet(() -> {
            RejectedPapers fresh = new RejectedPapers();
            fresh.contestId = id;
            rejected.persist(fresh);
            return fresh;
        });
        Map<String, Object> detail = new LinkedHashMap<>();
        parsed.forEach((reason, n) -> {
            r.set(reason, n);
            detail.put(reason.key(), n);
        });
        audit.record(actor, "election.rejected-papers-recorded", "election/" + id, detail);
        return RejectedPapersView.from(id, r);
    }
}
