package org.mutualvote.motion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.contest.Contest;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestLifecycle;
import org.mutualvote.contest.ContestRepository;
import org.mutualvote.contest.ContestState;
import org.mutualvote.membership.Constituency;
import org.mutualvote.membership.ConstituencyRepository;
import org.mutualvote.membership.Member;
import org.mutualvote.membership.MemberRepository;
import org.mutualvote.motion.MotionDtos.ClassShare;
import org.mutualvote.motion.MotionDtos.ConstituencyRef;
import org.mutualvote.motion.MotionDtos.MotionRequest;
import org.mutualvote.motion.MotionDtos.MotionView;
import org.mutualvote.motion.MotionDtos.PollRequest;
import org.mutualvote.motion.MotionDtos.PollView;
import org.mutualvote.motion.MotionDtos.QuorumRequest;
import org.mutualvote.motion.MotionDtos.Timetable;
import org.mutualvote.motion.MotionDtos.WeightsRequest;
import org.mutualvote.motion.Resolution.ClassWeight;
import org.mutualvote.motion.Resolution.Quorum;
import org.mutualvote.motion.Resolution.Rule;
import org.mutualvote.motion.Resolution.Threshold;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.ProblemException;

/**
 * Polls of motions: the board drafts, edits (only while a draft with no notice given) and gives notice;
 * the returning officer sets the timetable and opens and closes voting on the shared contest lifecycle.
 */
@ApplicationScoped
public class MotionService {

    static final String ANSWERS = "one code per motion in order: 1 for, 2 against, 3 abstain (vote withheld)";

    private final ContestRepository contests;
    private final MotionRepository motions;
    private final ConstituencyRepository constituencies;
    private final MemberRepository members;
    private final ProxyRepository proxies;
    private final ContestLifecycle lifecycle;
    private final AuditService audit;

    MotionService(ContestRepository contests, MotionRepository motions, ConstituencyRepository constituencies,
            MemberRepository members, ProxyRepository proxies, ContestLifecycle lifecycle, AuditService audit) {
        this.contests = contests;
        this.motions = motions;
        this.constituencies = constituencies;
        this.members = members;
        this.proxies = proxies;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    @Transactional
    public PollView create(PollRequest r, String actor) {
        List<Constituency> put = check(r);
        Contest c = new Contest();
        c.kind = ContestKind.MOTION;
        c.title = r.title().strip();
        c.constituency = put.get(0);
        contests.persist(c);
        MotionPoll poll = new MotionPoll();
        poll.contestId = c.id;
        motions.getEntityManager().persist(poll);
        write(c.id, r);
        audit.record(actor, "motion.drafted", "motion/" + c.id, describe(r));
        return view(c, poll);
    }

    @Transactional
    public PollView update(long id, PollRequest r, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.MOTION);
        MotionPoll poll = poll(id);
        requireDraft(c, poll, "edited");
        List<Constituency> put = check(r);
        c.title = r.title().strip();
        c.constituency = put.get(0);
        motions.deleteMotions(id);
        motions.flush();
        write(id, r);
        audit.record(actor, "motion.edited", "motion/" + id, describe(r));
        return view(c, poll);
    }

    /** The board gives notice: members of the constituencies see the poll; its motions are fixed from now on. */
    @Transactional
    public PollView giveNotice(long id, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.MOTION);
        MotionPoll poll = poll(id);
        requireDraft(c, poll, "published");
        poll.noticePublishedAt = Instant.now();
        audit.record(actor, "motion.notice-published", "motion/" + id, Map.of("motions", motions.ofPoll(id).size()));
        return view(c, poll);
    }

    @Transactional
    public PollView timetable(long id, Timetable t, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.MOTION);
        MotionPoll poll = poll(id);
        if (!c.state.beforeVoting()) {
            throw ProblemException.conflict("The poll is " + c.state.key() + "; its timetable can be set only before voting opens")
                    .coded("timetable-locked", "state", c.state.key());
        }
        if (t.votingOpenAt() != null && poll.noticePublishedAt == null) {
            throw ProblemException.conflict("The board has not given notice of this poll yet, so voting cannot be timetabled to open")
                    .coded("notice-not-given");
        }
        if (t.votingOpenAt() != null && t.votingCloseAt() != null && !t.votingCloseAt().isAfter(t.votingOpenAt())) {
            throw ProblemException.unprocessable("The timetable is out of order",
                    List.of(Phrase.of("close-after-open", "must be after the time voting opens").at("votingCloseAt"))).coded("timetable-out-of-order");
        }
        c.votingOpenAt = t.votingOpenAt();
        c.votingCloseAt = t.votingCloseAt();
        audit.record(actor, "motion.timetable", "motion/" + id, Map.of("timetable", t.toString()));
        return view(c, poll);
    }

    /** Opens voting (freezing the roll across every constituency the poll is put to) or closes it. */
    @Transactional
    public PollView move(long id, ContestState to, String actor) {
        return move(id, to, actor, false);
    }

    /** As {@link #move(long, ContestState, String)}, letting voting open on a roll below the secrecy minimum (audited). */
    @Transactional
    public PollView move(long id, ContestState to, String actor, boolean allowSmallRoll) {
        Contest c = lifecycle.lock(id, ContestKind.MOTION);
        MotionPoll poll = poll(id);
        if (to == ContestState.OPEN && poll.noticePublishedAt == null) {
            throw ProblemException.conflict("The board has not given notice of this poll yet, so voting cannot open").coded("notice-not-given");
        }
        lifecycle.move(c, to, actor, allowSmallRoll);
        if (to == ContestState.CLOSED) {
            proxies.clearDirections(id);
        }
        return view(c, poll);
    }

    @Transactional
    public PollView view(long id, String subject, boolean seesAll) {
        Contest c = contests.ofKind(id, ContestKind.MOTION);
        MotionPoll poll = poll(id);
        if (!seesAll && !putToMember(c, poll, subject)) {
            throw ProblemException.notFound("motion poll " + id);
        }
        return view(c, poll);
    }

    /** Staff see every poll; a member sees those put to their constituency once notice is given. */
    @Transactional
    public List<PollView> list(String subject, boolean seesAll) {
        List<PollView> out = new ArrayList<>();
        for (Contest c : contests.list("kind", io.quarkus.panache.common.Sort.descending("id"), ContestKind.MOTION)) {
            MotionPoll poll = poll(c.id);
            if (seesAll || putToMember(c, poll, subject)) {
                out.add(view(c, poll));
            }
        }
        return out;
    }

    boolean putToMember(Contest c, MotionPoll poll, String subject) {
        if (poll.noticePublishedAt == null) {
            return false;
        }
        Member m = members.findBySubject(subject).orElse(null);
        return m != null && motions.constituenciesOf(c.id).contains(m.constituency.id);
    }

    MotionPoll poll(long id) {
        return motions.getEntityManager().find(MotionPoll.class, id);
    }

    /** The motion's rule for the decision engine; constituencies by name. */
    static Rule rule(Motion m, List<MotionClass> classes, Map<Long, String> names) {
        Quorum q = m.quorumMembers == null && m.quorumShareNum == null ? null
                : new Quorum(m.quorumMembers == null ? null : m.quorumMembers.longValue(),
                        m.quorumShareNum == null ? null : m.quorumShareNum.longValue(),
                        m.quorumShareDen == null ? null : m.quorumShareDen.longValue());
        List<String> consent = new ArrayList<>();
        List<ClassWeight> weights = new ArrayList<>();
        for (MotionClass k : classes) {
            if (!k.motionId.equals(m.id)) {
                continue;
            }
            if (k.consent) {
                consent.add(names.get(k.constituencyId));
            }
            if (k.weightNum != null) {
                weights.add(new ClassWeight(names.get(k.constituencyId), k.weightNum, k.weightDen, "caps".equals(m.weighting)));
            }
        }
        return new Rule(new Threshold(m.thresholdNum, m.thresholdDen, m.thresholdAtLeast), PollFile.denominator(m.denominator),
                q, consent, weights);
    }

    /**
     * What a rule adds to its threshold and denominator, as phrases a client says in its reader's words: the quorum
     * ("members", "share" as "N/D"), the constituencies that must each reach the threshold, and the weights.
     */
    static List<Phrase> ruleParts(Rule rule) {
        List<Phrase> parts = new ArrayList<>();
        Resolution.Quorum q = rule.quorum();
        if (q != null) {
            parts.add(Phrase.of("rule-quorum", "quorum " + Resolution.quorumWords(q),
                    "members", q.members() == null || q.members() == 0 ? null : q.members(),
                    "share", q.shareDenominator() == null || q.shareNumerator() == 0 ? null : q.shareNumerator() + "/" + q.shareDenominator()));
        }
        if (!rule.consent().isEmpty()) {
            parts.add(Phrase.of("rule-consent", "also " + rule.threshold().words() + " in each of " + String.join(", ", rule.consent()),
                    "constituencies", rule.consent()));
        }
        if (!rule.weights().isEmpty()) {
            List<Map<String, Object>> each = new ArrayList<>();
            List<String> english = new ArrayList<>();
            for (ClassWeight w : rule.weights()) {
                each.add(Map.of("constituency", w.constituency(), "share", w.numerator() + "/" + w.denominator()));
                english.add(w.constituency() + (w.cap() ? " at most " : " ") + w.numerator() + "/" + w.denominator());
            }
            parts.add(Phrase.of("rule-weights", "weighted: " + String.join(", ", english),
                    "kind", rule.weights().get(0).cap() ? "caps" : "shares", "weights", each));
        }
        return parts;
    }

    PollView view(Contest c, MotionPoll poll) {
        List<Long> ids = motions.constituenciesOf(c.id);
        Map<Long, String> names = new HashMap<>();
        List<ConstituencyRef> refs = new ArrayList<>();
        for (Long k : ids) {
            Constituency x = constituencies.findById(k);
            names.put(k, x.name);
            refs.add(new ConstituencyRef(k, x.name));
        }
        List<Motion> list = motions.ofPoll(c.id);
        List<MotionClass> classes = motions.classesOf(list.stream().map(m -> m.id).toList());
        List<MotionView> views = new ArrayList<>();
        for (Motion m : list) {
            List<MotionClass> mine = classes.stream().filter(k -> k.motionId.equals(m.id)).toList();
            WeightsRequest weights = m.weighting == null ? null : new WeightsRequest(m.weighting, mine.stream()
                    .filter(k -> k.weightNum != null).map(k -> new ClassShare(k.constituencyId, k.weightNum + "/" + k.weightDen)).toList());
            QuorumRequest quorum = m.quorumMembers == null && m.quorumShareNum == null ? null
                    : new QuorumRequest(m.quorumMembers, m.quorumShareNum == null ? null : m.quorumShareNum + "/" + m.quorumShareDen);
            views.add(new MotionView(m.id, m.position, m.title, m.resolution, m.statementFor, m.statementAgainst,
                    thresholdKey(m), m.denominator, quorum, mine.stream().filter(k -> k.consent).map(k -> k.constituencyId).toList(),
                    weights, rule(m, mine, names).words(), ruleParts(rule(m, mine, names))));
        }
        return new PollView(c.id, c.title, c.state.key(), poll.noticePublishedAt, refs,
                new Timetable(c.votingOpenAt, c.votingCloseAt), c.rollSize, views, ANSWERS);
    }

    private static String thresholdKey(Motion m) {
        return new Threshold(m.thresholdNum, m.thresholdDen, m.thresholdAtLeast).key();
    }

    private static void requireDraft(Contest c, MotionPoll poll, String what) {
        if (c.state != ContestState.DRAFT || poll.noticePublishedAt != null) {
            throw ProblemException.conflict("The poll's notice was published" + (c.state == ContestState.DRAFT ? "" : " and it is " + c.state.key())
                    + "; motions can be " + what + " only while they are a draft").coded("motions-fixed-after-notice", "state", c.state.key());
        }
    }

    private void write(long contestId, PollRequest r) {
        List<Long> put = r.constituencyIds().stream().distinct().sorted().toList();
        motions.putTo(contestId, put);
        int position = 1;
        for (MotionRequest q : r.motions()) {
            Motion m = new Motion();
            m.contestId = contestId;
            m.position = position++;
            m.title = q.title().strip();
            m.resolution = q.resolution().strip();
            m.statementFor = q.statementFor() == null ? "" : q.statementFor().strip();
            m.statementAgainst = q.statementAgainst() == null || q.statementAgainst().isBlank() ? null : q.statementAgainst().strip();
            Threshold t = threshold(q.threshold());
            m.thresholdNum = (int) t.numerator();
            m.thresholdDen = (int) t.denominator();
            m.thresholdAtLeast = t.atLeast();
            m.denominator = q.denominator() == null ? "for-against" : q.denominator();
            if (q.quorum() != null) {
                m.quorumMembers = q.quorum().members();
                if (q.quorum().share() != null) {
                    int[] f = fraction(q.quorum().share());
                    m.quorumShareNum = f[0];
                    m.quorumShareDen = f[1];
                }
            }
            m.weighting = q.weights() == null ? null : q.weights().kind();
            motions.persist(m);
            Map<Long, MotionClass> parts = new LinkedHashMap<>();
            for (Long k : q.consent() == null ? List.<Long>of() : q.consent()) {
                part(parts, m.id, k).consent = true;
            }
            if (q.weights() != null) {
                for (ClassShare s : q.weights().classes()) {
                    int[] f = fraction(s.share());
                    MotionClass k = part(parts, m.id, s.constituencyId());
                    k.weightNum = f[0];
                    k.weightDen = f[1];
                }
            }
            parts.values().forEach(k -> motions.getEntityManager().persist(k));
        }
    }

    private static MotionClass part(Map<Long, MotionClass> parts, long motionId, long constituencyId) {
        return parts.computeIfAbsent(constituencyId, k -> {
            MotionClass c = new MotionClass();
            c.motionId = motionId;
            c.constituencyId = k;
            return c;
        });
    }

    /** Every fault in the request, each named by its field, or the constituencies it is put to. */
    private List<Constituency> check(PollRequest r) {
        List<FieldError> errors = new ArrayList<>();
        List<Constituency> put = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < r.constituencyIds().size(); i++) {
            Long id = r.constituencyIds().get(i);
            Constituency k = constituencies.openOrFault(id, "constituencyIds[" + i + "]", errors);
            if (k != null && ids.add(id)) {
                put.add(k);
            }
        }
        put.sort(java.util.Comparator.comparing(k -> k.id));
        for (int i = 0; i < r.motions().size(); i++) {
            checkMotion("motions[" + i + "].", r.motions().get(i), ids, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The motions cannot be drafted like this", errors).coded("motions-draft-invalid");
        }
        return put;
    }

    private static void checkMotion(String at, MotionRequest q, Set<Long> put, List<FieldError> errors) {
        try {
            threshold(q.threshold());
        } catch (IllegalArgumentException e) {
            errors.add(Phrase.of("threshold-unknown", e.getMessage(), "value", q.threshold()).at(at + "threshold"));
        }
        if (q.denominator() != null) {
            try {
                PollFile.denominator(q.denominator());
            } catch (IllegalArgumentException e) {
                errors.add(Phrase.of("denominator-unknown", e.getMessage(), "value", q.denominator()).at(at + "denominator"));
            }
        }
        if (q.quorum() != null && q.quorum().share() != null) {
            int[] f = fraction(q.quorum().share());
            if (f[1] == 0 || f[0] > f[1]) {
                errors.add(Phrase.of("share-not-a-fraction", "a share of the roll is a fraction from 0 to 1", "value", q.quorum().share())
                        .at(at + "quorum.share"));
            }
        }
        for (Long k : q.consent() == null ? List.<Long>of() : q.consent()) {
            if (!put.contains(k)) {
                errors.add(Phrase.of("constituency-not-in-poll", "constituency " + k + " is not one the poll is put to", "id", k).at(at + "consent"));
            }
        }
        WeightsRequest w = q.weights();
        if (w == null) {
            return;
        }
        long num = 0;
        long den = 1;
        Set<Long> seen = new HashSet<>();
        for (ClassShare s : w.classes()) {
            int[] f = fraction(s.share());
            if (!put.contains(s.constituencyId())) {
                errors.add(Phrase.of("constituency-not-in-poll", "constituency " + s.constituencyId() + " is not one the poll is put to",
                        "id", s.constituencyId()).at(at + "weights.classes"));
            } else if (!seen.add(s.constituencyId())) {
                errors.add(Phrase.of("constituency-weighted-twice", "constituency " + s.constituencyId() + " is weighted twice",
                        "id", s.constituencyId()).at(at + "weights.classes"));
            }
            if (f[1] == 0 || f[0] > f[1]) {
                errors.add(Phrase.of("share-not-a-fraction", s.share() + " is not a fraction from 0 to 1", "value", s.share()).at(at + "weights.classes"));
                return;
            }
            num = num * f[1] + f[0] * den;
            den = den * f[1];
        }
        if ("shares".equals(w.kind()) && (num != den || !seen.containsAll(put))) {
            errors.add(Phrase.of("fixed-shares-incomplete", "fixed shares must name every constituency the poll is put to and add up to 1")
                    .at(at + "weights"));
        }
    }

    /** ordinary (more than 1/2), special (at least 3/4), unanimous, "at-least N/D", "more-than N/D". */
    static Threshold threshold(String key) {
        String k = key.strip().toLowerCase();
        switch (k) {
            case "ordinary":
                return Threshold.ORDINARY;
            case "special":
                return Threshold.SPECIAL;
            case "unanimous":
                return Threshold.UNANIMOUS;
            default:
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(at-least|more-than)[ :]([0-9]{1,6})/([0-9]{1,6})").matcher(k);
                if (!m.matches()) {
                    throw new IllegalArgumentException("must be ordinary, special, unanimous, 'at-least N/D' or 'more-than N/D'");
                }
                return new Threshold(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(1).equals("at-least"));
        }
    }

    private static int[] fraction(String s) {
        String[] p = s.split("/", 2);
        return new int[] { Integer.parseInt(p[0]), Integer.parseInt(p[1]) };
    }

    private static Map<String, Object> describe(PollRequest r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", r.title());
        d.put("constituencyIds", r.constituencyIds());
        d.put("motions", r.motions().stream().map(m -> m.title() + " [" + m.threshold() + "]").toList());
        return d;
    }
}
