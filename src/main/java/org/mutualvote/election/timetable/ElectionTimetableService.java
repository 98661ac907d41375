package org.mutualvote.election.timetable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.contest.Contest;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestLifecycle;
import org.mutualvote.contest.ContestRepository;
import org.mutualvote.web.MutualVoteConfig;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

/**
 * Proposes and sets an election's timetable under the model election rules. Setting it also sets the contest's
 * instants that drive its lifecycle: nominations open on the notice of election, close at the closing time of their
 * last day; voting opens when voting information goes out and closes at the closing time of the close of poll.
 */
@ApplicationScoped
public class ElectionTimetableService {

    private final ContestRepository contests;
    private final ContestLifecycle lifecycle;
    private final ElectionTimetableRepository timetables;
    private final AuditService audit;
    private final MutualVoteConfig.ElectionTimetable config;
    private final ModelTimetable rules;

    ElectionTimetableService(ContestRepository contests, ContestLifecycle lifecycle, ElectionTimetableRepository timetables,
            AuditService audit, MutualVoteConfig config) {
        this.contests = contests;
        this.lifecycle = lifecycle;
        this.timetables = timetables;
        this.audit = audit;
        this.config = config.electionTimetable();
        this.rules = new ModelTimetable(new ModelTimetable.Intervals(this.config.noticeOfElection(),
                this.config.nominationsClose(), this.config.statementOfCandidates(), this.config.withdrawalsClose(),
                this.config.noticeOfPoll(), this.config.votingInformation(), this.config.countAfter()),
                Set.copyOf(this.config.bankHolidays()));
    }

    /** Every date the rules require, each on its latest allowed day, for a poll closing on {@code closeOfPoll}. */
    @Transactional
    public TimetableDates propose(long id, LocalDate closeOfPoll) {
        contests.ofKind(id, ContestKind.ELECTION);
        return view(rules.propose(closeOfPoll));
    }

    @Transactional
    public Optional<TimetableDates> get(long id) {
        contests.ofKind(id, ContestKind.ELECTION);
        return timetables.findByIdOptional(id).map(t -> TimetableDates.from(t, config.closingTime().toString(), config.zone().getId()));
    }

    /** Sets the timetable, refusing (422, one error per date, naming the interval) one that breaks the rules. */
    @Transactional
    public TimetableDates set(long id, TimetableRequest requested, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.ELECTION);
        if (!c.state.beforeVoting()) {
            throw ProblemException.conflict("The election is " + c.state.key() + "; its timetable can be set only before voting opens")
                    .coded("timetable-locked", "state", c.state.key());
        }
        ModelTimetable.Dates d = requested.dates();
        List<FieldError> errors = rules.check(d);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The timetable breaks the election rules' intervals", errors).coded("timetable-breaks-intervals");
        }
        ElectionTimetable t = timetables.findByIdOptional(id).orElse(null);
        boolean fresh = t == null;
        if (fresh) {
            t = new ElectionTimetable();
            t.contestId = id;
        }
        t.noticeOfElection = d.noticeOfElection();
        t.nominationsClose = d.nominationsClose();
        t.statementOfCandidates = d.statementOfCandidates();
        t.withdrawalsClose = d.withdrawalsClose();
        t.noticeOfPoll = d.noticeOfPoll();
        t.votingInformation = d.votingInformation();
        t.closeOfPoll = d.closeOfPoll();
        t.count = d.count();
        if (fresh) {
            timetables.persist(t);
        }
        c.nominationsOpenAt = d.noticeOfElection().atStartOfDay(config.zone()).toInstant();
        c.nominationsCloseAt = d.nominationsClose().atTime(config.closingTime()).atZone(config.zone()).toInstant();
        c.votingOpenAt = d.votingInformation().atStartOfDay(config.zone()).toInstant();
        c.votingCloseAt = d.closeOfPoll().atTime(config.closingTime()).atZone(config.zone()).toInstant();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("noticeOfElection", d.noticeOfElection().toString());
        detail.put("nominationsClose", d.nominationsClose().toString());
        detail.put("statementOfCandidates", d.statementOfCandidates().toString());
        detail.put("withdrawalsClose", d.withdrawalsClose().toString());
        detail.put("noticeOfPoll", d.noticeOfPoll().toString());
        detail.put("votingInformation", d.votingInformation().toString());
        detail.put("closeOfPoll", d.closeOfPoll().toString());
        detail.put("count", d.count().toString());
        audit.record(actor, "election.timetable-set", "election/" + id, detail);
        return view(d);
    }

    private TimetableDates view(ModelTimetable.Dates d) {
        return TimetableDates.from(d, config.closingTime().toString(), config.zone().getId());
    }
}
