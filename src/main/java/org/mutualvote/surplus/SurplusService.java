package org.mutualvote.surplus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.mutualvote.surplus.SurplusDtos.LimitsRequest;
import org.mutualvote.surplus.SurplusDtos.PotRequest;
import org.mutualvote.surplus.SurplusDtos.ProposalRequest;
import org.mutualvote.surplus.SurplusDtos.SurplusRequest;
import org.mutualvote.surplus.SurplusDtos.SurplusView;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Drafting a surplus vote (the board) and moving it through the contest lifecycle (the returning officer).
 * The question is kept as JSON written and read here by hand, so its records are registered for a native image.
 */
@ApplicationScoped
@RegisterForReflection(targets = { Question.class, Question.Pot.class, Question.Proposal.class, Limits.class })
public class SurplusService {

    /** £100 billion: a bound that catches a pounds-for-pence slip long before any overflow. */
    static final long MAX_SURPLUS_PENCE = 10_000_000_000_000L;

    private final ContestRepository contests;
    private final SurplusRepository surplus;
    private final ConstituencyRepository constituencies;
    private final MemberRepository members;
    private final ContestLifecycle lifecycle;
    private final AuditService audit;
    private final ObjectMapper json;

    SurplusService(ContestRepository contests, SurplusRepository surplus, ConstituencyRepository constituencies,
            MemberRepository members, ContestLifecycle lifecycle, AuditService audit, ObjectMapper json) {
        this.contests = contests;
        this.surplus = surplus;
        this.constituencies = constituencies;
        this.members = members;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.json = json;
    }

    private record Checked(Constituency constituency, long surplusPence, Question question) {
    }

    @Transactional
    public SurplusView create(SurplusRequest r, String actor) {
        Checked k = check(r);
        Contest c = new Contest();
        c.kind = ContestKind.SURPLUS;
        c.title = r.title().strip();
        c.constituency = k.constituency();
        contests.persist(c);
        SurplusVote v = new SurplusVote();
        v.contestId = c.id;
        apply(v, r, k);
        surplus.persist(v);
        audit.record(actor, "surplus.created", "surplus/" + c.id, describe(v));
        return SurplusView.from(c, v, k.question());
    }

    /** Replaces the draft; refused (409) once voting has opened, when pots, limits and proposals are frozen. */
    @Transactional
    public SurplusView update(long id, SurplusRequest r, String actor) {
        Contest c = lifecycle.lock(id, ContestKind.SURPLUS);
        if (c.state != ContestState.DRAFT) {
            throw ProblemException.conflict("The surplus vote is " + c.state.key()
                    + "; its pots, limits and proposals were frozen when voting opened and cannot change")
                    .coded("surplus-frozen", "state", c.state.key());
        }
        Checked k = check(r);
        c.title = r.title().strip();
        c.constituency = k.constituency();
        SurplusVote v = surplus.findById(id);
        apply(v, r, k);
        audit.record(actor, "surplus.updated", "surplus/" + id, describe(v));
        return SurplusView.from(c, v, k.question());
    }

    @Transactional
    public SurplusView move(long id, ContestState to, String actor) {
        return move(id, to, actor, false);
    }

    /** As {@link #move(long, ContestState, String)}, letting voting open on a roll below the secrecy minimum (audited). */
    @Transactional
    public SurplusView move(long id, ContestState to, String actor, boolean allowSmallRoll) {
        Contest c = lifecycle.lock(id, ContestKind.SURPLUS);
        SurplusVote v = surplus.findById(id);
        Question q = question(v);
        if (to == ContestState.OPEN && SurplusCount.PROPOSALS.equals(v.form) && q.proposals().size() < 2) {
            throw ProblemException.conflict("A proposals vote needs at least two proposals before voting opens")
                    .coded("surplus-needs-two-proposals");
        }
        lifecycle.move(c, to, actor, allowSmallRoll);
        return SurplusView.from(c, v, q);
    }

    @Transactional
    public SurplusView view(long id, String subject, boolean seesAll) {
        Contest c = contests.ofKind(id, ContestKind.SURPLUS);
        if (!seesAll && !inMembersConstituency(c, subject)) {
            throw ProblemException.notFound("surplus " + id);
        }
        SurplusVote v = surplus.findById(id);
        return SurplusView.from(c, v, question(v));
    }

    /** Staff roles see every surplus vote; a member those of their own constituency that are no longer drafts. */
    @Transactional
    public List<SurplusView> list(String subject, boolean seesAll) {
        List<Contest> found;
        if (seesAll) {
            found = contests.list("kind", Sort.descending("id"), ContestKind.SURPLUS);
        } else {
            Member m = members.findBySubject(subject).orElse(null);
            found = m == null ? List.of() : contests.inConstituency(m.constituency.id).stream()
                    .filter(c -> c.kind == ContestKind.SURPLUS && c.state != ContestState.DRAFT).toList();
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, SurplusVote> votes = new java.util.HashMap<>();
        for (SurplusVote v : surplus.list("contestId in ?1", found.stream().map(c -> c.id).toList())) {
            votes.put(v.contestId, v);
        }
        return found.stream().map(c -> SurplusView.from(c, votes.get(c.id), question(votes.get(c.id)))).toList();
    }

    boolean inMembersConstituency(Contest c, String subject) {
        return c.state != ContestState.DRAFT && members.findBySubject(subject)
                .map(m -> m.constituency.id.equals(c.constituency.id)).orElse(false);
    }

    Question question(SurplusVote v) {
        try {
            return json.readValue(v.question, Question.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored surplus question is not JSON", e);
        }
    }

    private void apply(SurplusVote v, SurplusRequest r, Checked k) {
        v.surplusPence = k.surplusPence();
        v.form = r.form().strip().toLowerCase(Locale.ROOT);
        v.rule = SurplusCount.SPLIT.equals(v.form) ? r.rule().strip().toLowerCase(Locale.ROOT) : null;
        try {
            v.question = json.writeValueAsString(k.question());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every fault of a draft, each named by its field; nothing is written unless there are none. */
    private Checked check(SurplusRequest r) {
        List<FieldError> errors = new ArrayList<>();
        Constituency constituency = constituencies.openOrFault(r.constituencyId(), "constituencyId", errors);
        long pence = 0;
        BigDecimal p = r.surplusPence();
        if (p.stripTrailingZeros().scale() > 0) {
            errors.add(Phrase.of("pence-not-whole", p.toPlainString() + " is not a whole number of pence", "value", p.toPlainString()).at("surplusPence"));
        } else if (p.signum() <= 0) {
            errors.add(Phrase.of("surplus-at-least-a-penny", "the surplus must be at least 1 penny").at("surplusPence"));
        } else if (p.compareTo(BigDecimal.valueOf(MAX_SURPLUS_PENCE)) > 0) {
            errors.add(Phrase.of("surplus-too-large", "more than " + Pence.pounds(MAX_SURPLUS_PENCE) + "; is this pounds rather than pence?",
                    "pounds", MAX_SURPLUS_PENCE / 100).at("surplusPence"));
        } else {
            pence = p.longValueExact();
        }
        String form = r.form().strip().toLowerCase(Locale.ROOT);
        boolean split = SurplusCount.SPLIT.equals(form);
        if (!split && !SurplusCount.PROPOSALS.equals(form)) {
            errors.add(Phrase.of("surplus-form-unknown", "must be split or proposals").at("form"));
        }
        if (split && (r.rule() == null || !Combine.RULES.contains(r.rule().strip().toLowerCase(Locale.ROOT)))) {
            errors.add(Phrase.of("split-needs-rule", "a split vote needs a rule: " + String.join(" or ", Combine.RULES),
                    "rules", String.join(", ", Combine.RULES)).at("rule"));
        }
        if (!split && r.rule() != null) {
            errors.add(Phrase.of("only-split-takes-rule", "only split votes take a rule; proposals are counted by instant runoff").at("rule"));
        }
        List<Question.Pot> pots = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < r.pots().size(); i++) {
            PotRequest pot = r.pots().get(i);
            PotKind kind = PotKind.parse(pot.kind());
            if (kind == null) {
                errors.add(Phrase.of("pot-kind-unknown", "must be one of " + PotKind.keys(), "kinds", PotKind.keys())
                        .at("pots[" + i + "].kind"));
            }
            if (!names.add(pot.name().strip().toLowerCase(Locale.ROOT))) {
                errors.add(Phrase.of("pot-name-taken", "another pot is already called '" + pot.name().strip() + "'", "name", pot.name().strip())
                        .at("pots[" + i + "].name"));
            }
            pots.add(new Question.Pot(pot.name().strip(), kind == null ? pot.kind() : kind.key()));
        }
        LimitsRequest l = r.limits();
        Limits limits = new Limits(l == null || l.reserveMinimum() == null ? 0 : l.reserveMinimum(),
                l == null ? null : l.memberDividendMaximum(),
                l == null || l.dividendsMaximum() == null ? Integer.valueOf(50) : l.dividendsMaximum(),
                l == null || l.investorsAtMostMembers() == null || l.investorsAtMostMembers());
        List<Question.Proposal> proposals = new ArrayList<>();
        if (errors.stream().noneMatch(e -> e.field().startsWith("pots"))) {
            Question q = new Question(pots, limits, List.of());
            for (Limits.Breach b : limits.satisfiable(q.kinds())) {
                errors.add(b.phrase().prefixed("the limit " + b.limit() + " cannot be kept: ").at("limits"));
            }
            List<ProposalRequest> given = r.proposals() == null ? List.of() : r.proposals();
            if (split && !given.isEmpty()) {
                errors.add(Phrase.of("split-takes-no-proposals", "a split vote has no proposals; members split the surplus themselves").at("proposals"));
            }
            if (!split && given.size() < 2) {
                errors.add(Phrase.of("proposals-need-two", "a proposals vote needs at least two proposals").at("proposals"));
            }
            for (int i = 0; i < given.size(); i++) {
                String field = "proposals[" + i + "].percents";
                Splits.Checked c = Splits.check(field, given.get(i).percents(), q.names(), q.kinds(), limits);
                if (c instanceof Splits.Invalid bad) {
                    bad.faults().forEach(f -> errors.add(f.error()));
                } else if (c instanceof Splits.Valid ok) {
                    proposals.add(new Question.Proposal(given.get(i).title().strip(), ok.percents()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The surplus vote cannot be set up like this", errors).coded("surplus-draft-invalid");
        }
        return new Checked(constituency, pence, new Question(pots, limits, proposals));
    }

    private static Map<String, Object> describe(SurplusVote v) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("surplusPence", v.surplusPence);
        d.put("form", v.form);
        if (v.rule != null) {
            d.put("rule", v.rule);
        }
        d.put("question", v.question);
        return d;
    }
}
