package org.mutualvote.motion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.ballot.BallotService;
import org.mutualvote.ballot.CastOutcome;
import org.mutualvote.contest.Contest;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestLifecycle;
import org.mutualvote.contest.ContestRepository;
import org.mutualvote.contest.ContestState;
import org.mutualvote.membership.Member;
import org.mutualvote.membership.MemberRepository;
import org.mutualvote.motion.MotionDtos.MyProxies;
import org.mutualvote.motion.MotionDtos.ProxyRequest;
import org.mutualvote.motion.MotionDtos.ProxyView;
import org.mutualvote.web.MutualVoteConfig;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

/**
 * Proxies as the Co-operatives UK model rules allow them: a member appoints another member the poll is
 * put to, directed or discretionary, after notice and until voting opens (and may revoke until then);
 * at most N per holder; the holder casts each appointer's ballot separately through {@link BallotService}.
 */
@ApplicationScoped
public class ProxyService {

    private final ContestLifecycle lifecycle;
    private final ContestRepository contests;
    private final MotionService polls;
    private final MotionRepository motions;
    private final ProxyRepository proxies;
    private final MemberRepository members;
    private final BallotService ballots;
    private final AuditService audit;
    private final MutualVoteConfig config;

    ProxyService(ContestLifecycle lifecycle, ContestRepository contests, MotionService polls, MotionRepository motions,
            ProxyRepository proxies, MemberRepository members, BallotService ballots, AuditService audit, MutualVoteConfig config) {
        this.lifecycle = lifecycle;
        this.contests = contests;
        this.polls = polls;
        this.motions = motions;
        this.proxies = proxies;
        this.members = members;
        this.ballots = ballots;
        this.audit = audit;
        this.config = config;
    }

    @Transactional
    public ProxyView appoint(long id, String subject, String actor, ProxyRequest r) {
        // The contest row lock orders appointments against each other and against opening.
        Contest c = lifecycle.lock(id, ContestKind.MOTION);
        MotionPoll poll = polls.poll(id);
        Member me = memberPutTo(c, poll, subject);
        requireBeforeVoting(c, "appointed");
        if (proxies.activeOf(id, me.id).isPresent()) {
            throw ProblemException.conflict("You have already appointed a proxy for this poll; revoke it first to appoint another")
                    .coded("proxy-already-appointed");
        }
        List<Long> put = motions.constituenciesOf(id);
        Member holder = members.findByIdOptional(r.holderMembershipNumber()).orElse(null);
        List<FieldError> errors = new ArrayList<>();
        if (holder == null || holder.status != org.mutualvote.membership.MemberStatus.ACTIVE || !put.contains(holder.constituency.id)) {
            errors.add(new FieldError("holderMembershipNumber", "member " + r.holderMembershipNumber()
                    + " is not an active member of a constituency this poll is put to", "not-a-holder"));
        } else if (holder.id.equals(me.id)) {
            errors.add(new FieldError("holderMembershipNumber", "you cannot appoint yourself", "self"));
        }
        boolean directed = "directed".equals(r.kind());
        int count = motions.ofPoll(id).size();
        int[] directions = null;
        if (directed) {
            List<Long> d = r.directions() == null ? List.of() : r.directions();
            try {
                directions = Arrays.copyOfRange(MotionBallotForm.row(0, count, d), 1, count + 1);
            } catch (ProblemException bad) {
                bad.problem().errors().forEach(e -> errors.add(new FieldError(e.field().replace("choices", "directions"), e.message(), e.code(), e.params())));
            }
        } else if (r.directions() != null && !r.directions().isEmpty()) {
            errors.add(new FieldError("directions", "a discretionary proxy takes no directions; the holder decides", "discretionary-no-directions"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The proxy cannot be appointed", errors).coded("proxy-invalid");
        }
        int max = config.motions().maxProxiesPerHolder();
        if (proxies.countHeld(id, holder.id) >= max) {
            throw ProblemException.conflict(holder.name + " already holds " + max + " proxies for this poll, the most one member may hold")
                    .coded("proxy-holder-full");
        }
        ProxyAppointment p = new ProxyAppointment();
        p.contestId = id;
        p.appointerId = me.id;
        p.holderId = holder.id;
        p.directed = directed;
        p.directions = directions;
        p.appointedAt = Instant.now();
        proxies.persist(p);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("appointer", me.id);
        details.put("holder", holder.id);
        details.put("kind", directed ? "directed" : "discretionary");
        audit.record(actor, "motion.proxy-appointed", "motion/" + id, details);
        return view(p, me, holder);
    }

    @Transactional
    public ProxyView revoke(long id, String subject, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.MOTION);
        Member me = memberPutTo(c, polls.poll(id), subject);
        requireBeforeVoting(c, "revoked");
        ProxyAppointment p = proxies.activeOf(id, me.id)
                .orElseThrow(() -> ProblemException.notFound("A proxy appointed by you for poll " + id).coded("no-proxy"));
        p.revokedAt = Instant.now();
        audit.record(actor, "motion.proxy-revoked", "motion/" + id, Map.of("appointer", me.id, "holder", p.holderId));
        return view(p, me, members.findById(p.holderId));
    }

    /** The appointment the caller made, and the ones they hold (with whether each ballot is cast yet). */
    @Transactional
    public MyProxies mine(long id, String subject) {
        Contest c = contests.ofKind(id, ContestKind.MOTION);
        Member me = memberPutTo(c, polls.poll(id), subject);
        ProxyView appointed = proxies.activeOf(id, me.id).map(p -> view(p, me, members.findById(p.holderId))).orElse(null);
        List<ProxyView> held = proxies.heldBy(id, me.id).stream().map(p -> view(p, members.findById(p.appointerId), me)).toList();
        return new MyProxies(id, appointed, held, config.motions().maxProxiesPerHolder());
    }

    /** Every appointment, for the returning officer and scrutineers: who holds whose vote, never any directions. */
    @Transactional
    public List<ProxyView> all(long id) {
        contests.ofKind(id, ContestKind.MOTION);
        return proxies.ofPoll(id).stream().map(p -> {
            ProxyView v = view(p, members.findById(p.appointerId), members.findById(p.holderId));
            return new ProxyView(v.id(), v.contestId(), v.appointerMembershipNumber(), v.appointerName(), v.holderMembershipNumber(),
                    v.holderName(), v.kind(), null, v.appointedAt(), v.revokedAt(), v.voidReason(), v.cast());
        }).toList();
    }

    /**
     * The holder casts one appointer's ballot: a directed proxy's answers are the appointer's, a
     * discretionary proxy's the holder's. The receipt is returned to the holder to hand on; nothing
     * stored links it to the appointer.
     */
    @Transactional
    public CastOutcome castFor(long id, long appointmentId, String subject, List<Long> choices) {
        Contest c = contests.ofKind(id, ContestKind.MOTION);
        Member holder = members.findBySubject(subject).orElseThrow(() -> ProblemException.notFound("proxy " + appointmentId));
        ProxyAppointment p = proxies.findByIdOptional(appointmentId)
                .filter(x -> x.contestId == id && x.holderId.equals(holder.id) && x.revokedAt == null)
                .orElseThrow(() -> ProblemException.notFound("A proxy " + appointmentId + " held by you in poll " + id));
        if (c.state == ContestState.OPEN && !proxies.onRoll(id, holder.id)) {
            throw ProblemException.forbidden("You are not on this poll's roll, so you cannot vote as a proxy").coded("not-on-roll");
        }
        List<Long> answers = choices;
        if (p.directed) {
            List<Long> directed = p.directions == null ? List.of() : Arrays.stream(p.directions).mapToObj(a -> (long) a).toList();
            if (choices != null && !choices.isEmpty() && !choices.equals(directed)) {
                throw ProblemException.unprocessable("This proxy is directed: the ballot must carry the appointing member's answers",
                        List.of(new FieldError("choices", "expected " + directed, "proxy-directed-answers"))).coded("ballot-invalid");
            }
            answers = directed;
        } else if (choices == null || choices.isEmpty()) {
            throw ProblemException.unprocessable("A discretionary proxy's ballot needs your answers",
                    List.of(new FieldError("choices", "answer each motion: 1 for, 2 against, 3 abstain", "proxy-answers-needed"))).coded("ballot-invalid");
        }
        return ballots.castOnBehalf(id, p.appointerId, answers);
    }

    private Member memberPutTo(Contest c, MotionPoll poll, String subject) {
        if (!polls.putToMember(c, poll, subject)) {
            throw ProblemException.notFound("motion poll " + c.id);
        }
        Member m = members.findBySubject(subject).orElseThrow();
        if (m.status != org.mutualvote.membership.MemberStatus.ACTIVE) {
            throw ProblemException.forbidden("Only active members may appoint or revoke proxies").coded("not-active");
        }
        return m;
    }

    private static void requireBeforeVoting(Contest c, String what) {
        if (!c.state.beforeVoting()) {
            throw ProblemException.conflict("Voting has opened (the poll is " + c.state.key() + "); a proxy can be " + what
                    + " only before voting opens").coded("voting-opened");
        }
    }

    private ProxyView view(ProxyAppointment p, Member appointer, Member holder) {
        return new ProxyView(p.id, p.contestId, appointer.id, appointer.name, holder.id, holder.name,
                p.directed ? "directed" : "discretionary",
                p.directions == null ? null : Arrays.stream(p.directions).boxed().toList(), p.appointedAt, p.revokedAt, p.voidReason,
                proxies.voted(p.contestId, p.appointerId));
    }
}
