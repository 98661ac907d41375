package org.mutualvote.election;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.mutualvote.election.ElectionDtos.CandidateRequest;
import org.mutualvote.election.ElectionDtos.ElectionRequest;
import org.mutualvote.election.ElectionDtos.ElectionView;
import org.mutualvote.election.ElectionDtos.Timetable;
import org.mutualvote.membership.Constituency;
import org.mutualvote.membership.ConstituencyRepository;
import org.mutualvote.membership.Member;
import org.mutualvote.membership.MemberRepository;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

import io.quarkus.panache.common.Sort;

/** Setting an election up: its details, timetable and candidates, and moving it through its lifecycle. */
@ApplicationScoped
public class ElectionService {

    static final int STATEMENT_MAX_WORDS = 250;

    private final ContestRepository contests;
    private final ElectionRepository elections;
    private final CandidateRepository candidates;
    private final ConstituencyRepository constituencies;
    private final MemberRepository members;
    private final ContestLifecycle lifecycle;
    private final AuditService audit;

    ElectionService(ContestRepository contests, ElectionRepository elections, CandidateRepository candidates,
            ConstituencyRepository constituencies, MemberRepository members, ContestLifecycle lifecycle, AuditService audit) {
        this.contests = contests;
        this.elections = elections;
        this.candidates = candidates;
        this.constituencies = constituencies;
        this.members = members;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    @Transactional
    public ElectionView create(ElectionRequest r, String actor) {
        Constituency constituency = checkRequest(r);
        Contest c = new Contest();
        c.kind = ContestKind.ELECTION;
        c.title = r.title().strip();
        c.constituency = constituency;
        applyTimetable(c, r.timetable());
        contests.persist(c);
        Election e = new Election();
        e.contestId = c.id;
        apply(e, r);
        elections.persist(e);
        audit.record(actor, "election.created", "election/" + c.id, describe(r));
        return ElectionView.from(c, e, List.of());
    }

    @Transactional
    public ElectionView update(long id, ElectionRequest r, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.ELECTION);
        requireBeforeVoting(c, "changed");
        Constituency constituency = checkRequest(r);
        c.title = r.title().strip();
        c.constituency = constituency;
        applyTimetable(c, r.timetable());
        Election e = elections.findById(id);
        apply(e, r);
        audit.record(actor, "election.updated", "election/" + id, describe(r));
        return ElectionView.from(c, e, candidates.ofContest(id));
    }

    @Transactional
    public ElectionDtos.CandidateView nominate(long id, CandidateRequest r, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.ELECTION);
        requireBeforeVoting(c, "given new candidates");
        if (c.nominationsCloseAt != null && !Instant.now().isBefore(c.nominationsCloseAt)) {
            throw ProblemException.conflict("Nominations closed at " + c.nominationsCloseAt).coded("nominations-closed", "closedAt", c.nominationsCloseAt.toString());
        }
        String statement = r.statement() == null ? "" : r.statement().strip();
        int words = statement.isEmpty() ? 0 : statement.split("\\s+").length;
        if (words > STATEMENT_MAX_WORDS) {
            throw ProblemException.unprocessable("The statement is too long",
                    List.of(Phrase.of("statement-too-many-words", words + " words; at most " + STATEMENT_MAX_WORDS + " are allowed",
                            "words", words, "max", STATEMENT_MAX_WORDS).at("statement"))).coded("statement-too-long");
        }
        String name = r.name().strip();
        if (candidates.nameTaken(id, name)) {
            throw ProblemException.conflict("A candidate called '" + name + "' is already standing in this election").coded("candidate-name-taken", "name", name);
        }
        Candidate k = new Candidate();
        k.contestId = id;
        k.position = candidates.nextPosition(id);
        k.name = name;
        k.statement = statement;
        k.photoUrl = r.photoUrl();
        candidates.persist(k);
        audit.record(actor, "election.candidate-nominated", "election/" + id,
                Map.of("candidateId", k.id, "position", k.position, "name", k.name));
        return ElectionDtos.CandidateView.from(k);
    }

    @Transactional
    public ElectionDtos.CandidateView withdraw(long id, long candidateId, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.ELECTION);
        Candidate k = candidates.findByIdOptional(candidateId).filter(x -> x.contestId == id)
                .orElseThrow(() -> ProblemException.notFound("candidate " + candidateId + " of election " + id));
        if (!c.state.beforeVoting()) {
            throw ProblemException.conflict("Candidates may withdraw only until voting opens; the election is " + c.state.key())
                    .coded("withdraw-too-late", "state", c.state.key());
        }
        if (k.withdrawn) {
            throw ProblemException.conflict(k.name + " has already withdrawn").coded("already-withdrawn", "name", k.name);
        }
        k.withdrawn = true;
        audit.record(actor, "election.candidate-withdrawn", "election/" + id, Map.of("candidateId", k.id, "name", k.name));
        return ElectionDtos.CandidateView.from(k);
    }

    /** Moves the election to the next state of its lifecycle (409 naming the current state if it cannot). */
    @Transactional
    public ElectionView move(long id, ContestState to, String actor) {
        return move(id, to, actor, false);
    }

    /** As {@link #move(long, ContestState, String)}, letting voting open on a roll below the secrecy minimum (audited). */
    @Transactional
    public ElectionView move(long id, ContestState to, String actor, boolean allowSmallRoll) {
        Contest c = lifecycle.lock(id, ContestKind.ELECTION);
        if (to == ContestState.OPEN && candidates.standing(id) == 0) {
            throw ProblemException.conflict("The election has no candidates standing, so voting cannot open").coded("no-candidates");
        }
        lifecycle.move(c, to, actor, allowSmallRoll);
        return ElectionView.from(c, elections.findById(id), candidates.ofContest(id));
    }

    @Transactional
    public ElectionView view(long id, String subject, boolean seesAll) {
        Contest c = readableBy(id, subject, seesAll);
        return ElectionView.from(c, elections.findById(id), candidates.ofContest(id));
    }

    /** Staff roles see every election; a member sees those of their own constituency that are no longer drafts. */
    @Transactional
    public List<ElectionView> list(String subject, boolean seesAll) {
        List<ElectionView> out = new ArrayList<>();
        List<Contest> found;
        if (seesAll) {
            found = contests.list("kind", Sort.descending("id"), ContestKind.ELECTION);
        } else {
            Member m = members.findBySubject(subject).orElse(null);
            found = m == null ? List.of() : contests.inConstituency(m.constituency.id).stream()
                    .filter(c -> c.kind == ContestKind.ELECTION && c.state != ContestState.DRAFT).toList();
        }
        if (found.isEmpty()) {
            return out;
        }
        // Two queries for the whole list, not two per election.
        List<Long> ids = found.stream().map(c -> c.id).toList();
        Map<Long, Election> details = new HashMap<>();
        for (Election e : elections.list("contestId in ?1", ids)) {
            details.put(e.contestId, e);
        }
        Map<Long, List<Candidate>> standing = new HashMap<>();
        for (Candidate k : candidates.list("contestId in ?1", Sort.by("position"), ids)) {
            standing.computeIfAbsent(k.contestId, x -> new ArrayList<>()).add(k);
        }
        for (Contest c : found) {
            out.add(ElectionView.from(c, details.get(c.id), standing.getOrDefault(c.id, List.of())));
        }
        return out;
    }

    /**
     * The election, if the caller may read its result and its bulletin board: officials and the board
     * always, a member once it is out of draft and in their own constituency; anyone else gets 404.
     */
    Contest readableBy(long id, String subject, boolean seesAll) {
        Contest c = contests.ofKind(id, ContestKind.ELECTION);
        if (!seesAll && !inMembersConstituency(c, subject)) {
            throw ProblemException.notFound("election " + id);
        }
        return c;
    }

    boolean inMembersConstituency(Contest c, String subject) {
        return c.state != ContestState.DRAFT && members.findBySubject(subject)
                .map(m -> m.constituency.id.equals(c.constituency.id)).orElse(false);
    }

    private Constituency checkRequest(ElectionRequest r) {
        List<FieldError> errors = new ArrayList<>();
        Constituency constituency = constituencies.openOrFault(r.constituencyId(), "constituencyId", errors);
        if (r.method() != ElectionMethod.STV && r.stvRule() != null) {
            errors.add(Phrase.of("only-stv-takes-rule", "only stv elections take a rule").at("stvRule"));
        }
        if (r.method() == ElectionMethod.IRV && r.seats() != 1) {
            errors.add(Phrase.of("irv-one-seat", "instant runoff fills exactly one seat; use stv for more").at("seats"));
        }
        Timetable t = r.timetable();
        if (t != null) {
            order(errors, "nominationsCloseAt", t.nominationsOpenAt(), t.nominationsCloseAt());
            order(errors, "votingOpenAt", t.nominationsCloseAt(), t.votingOpenAt());
            order(errors, "votingCloseAt", t.votingOpenAt(), t.votingCloseAt());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The election cannot be set up like this", errors).coded("election-draft-invalid");
        }
        return constituency;
    }

    private static void order(List<FieldError> errors, String field, Instant before, Instant after) {
        if (before != null && after != null && after.isBefore(before)) {
            errors.add(Phrase.of("step-before-previous", "must not be before the step that comes first").at("timetable." + field));
        }
    }

    private static void requireBeforeVoting(Contest c, String what) {
        if (!c.state.beforeVoting()) {
            throw ProblemException.conflict("The election is " + c.state.key() + "; it can be " + what + " only before voting opens")
                    .coded("election-locked", "state", c.state.key());
        }
    }

    private static void apply(Election e, ElectionRequest r) {
        e.seats = r.seats();
        e.method = r.method();
        e.stvRule = rule(r);
    }

    /** An stv election that names no rule counts by ni85, the rule foundation trusts' model election rules use. */
    private static StvRule rule(ElectionRequest r) {
        return r.method() == ElectionMethod.STV && r.stvRule() == null ? StvRule.NI85 : r.stvRule();
    }

    private static void applyTimetable(Contest c, Timetable t) {
        c.nominationsOpenAt = t == null ? null : t.nominationsOpenAt();
        c.nominationsCloseAt = t == null ? null : t.nominationsCloseAt();
        c.votingOpenAt = t == null ? null : t.votingOpenAt();
        c.votingCloseAt = t == null ? null : t.votingCloseAt();
    }

    private static Map<String, Object> describe(ElectionRequest r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", r.title());
        d.put("constituencyId", r.constituencyId());
        d.put("seats", r.seats());
        d.put("method", r.method().key());
        if (rule(r) != null) {
            d.put("stvRule", rule(r).key());
        }
        if (r.timetable() != null) {
            d.put("timetable", r.timetable().toString());
        }
        return d;
    }
}
