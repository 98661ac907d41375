package org.mutualvote.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.membership.Eligibility.Applicant;
import org.mutualvote.membership.MemberDtos.Application;
import org.mutualvote.membership.MemberDtos.CountRow;
import org.mutualvote.membership.MemberDtos.Counts;
import org.mutualvote.membership.MemberDtos.DetailsUpdate;
import org.mutualvote.membership.MemberDtos.MemberPage;
import org.mutualvote.membership.MemberDtos.MemberView;
import org.mutualvote.membership.MemberDtos.StatusChange;
import org.mutualvote.web.ProblemException;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Sign-up, a member's own record, and the register as admins see it. Personal data never enters the audit log. */
@ApplicationScoped
public class MemberService {

    private final MemberRepository members;
    private final ConstituencyRepository constituencies;
    private final AuditService audit;
    private final Clock clock = Clock.systemUTC();

    public MemberService(MemberRepository members, ConstituencyRepository constituencies, AuditService audit) {
        this.members = members;
        this.constituencies = constituencies;
        this.audit = audit;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Joins the caller. An imported member with the same email and no login yet is linked instead of
     * a conflict, but only when the caller's token carries that same email (so nobody claims a
     * record by typing someone else's address).
     */
    @Transactional
    public SignUp signUp(String subject, String actor, String tokenEmail, Application a) {
        Optional<Member> existing = members.findBySubject(subject);
        if (existing.isPresent()) {
            return new SignUp.AlreadyMember(existing.get().id);
        }
        String email = a.email().trim();
        Optional<Member> sameEmail = members.findByEmail(email);
        if (sameEmail.isPresent()) {
            Member m = sameEmail.get();
            if (m.subject == null && tokenEmail != null && tokenEmail.trim().equalsIgnoreCase(email)) {
                m.subject = subject;
                m.consentedAt = Instant.now();
                audit.record(actor, "member.linked", "member/" + m.id, Map.of("constituencyId", m.constituency.id));
                return new SignUp.Linked(MemberView.from(m));
            }
            return new SignUp.EmailTaken();
        }
        Eligibility e = EligibilityRules.check(new Applicant(a.dateOfBirth(), a.postcode(), a.staffClass(), a.constituencyId()),
                constituencies.listAll(), today());
        if (!(e instanceof Eligibility.Eligible eligible)) {
            return new SignUp.NotEligible(e);
        }
        Member m = new Member();
        m.subject = subject;
        m.name = a.name().trim();
        m.email = email;
        m.dateOfBirth = a.dateOfBirth();
        m.postcode = normalisedPostcode(a.postcode());
        m.staffClass = EligibilityRules.staffClass(a.staffClass());
        m.constituency = eligible.constituency();
        m.status = needsReview(m.constituency) ? MemberStatus.PENDING : MemberStatus.ACTIVE;
        m.joinedOn = today();
        m.consentedAt = Instant.now();
        members.persist(m);
        members.flush();
        audit.record(actor, "member.signed-up", "member/" + m.id,
                Map.of("constituencyId", m.constituency.id, "status", m.status.key()));
        return new SignUp.Joined(MemberView.from(m));
    }

    @Transactional
    public Optional<MemberView> mine(String subject) {
        return members.findBySubject(subject).map(MemberView::from);
    }

    @Transactional
    public MemberView updateMine(String subject, String actor, DetailsUpdate u) {
        Member m = mineOr404(subject);
        if (m.status == MemberStatus.REMOVED) {
            throw ProblemException.conflict("Your membership was removed; your details can no longer be changed")
                    .coded("membership-removed");
        }
        String email = u.email().trim();
        members.findByEmail(email).filter(other -> !other.id.equals(m.id)).ifPresent(other -> {
            throw ProblemException.conflict("The email " + email + " is already used by another member").coded("email-taken");
        });
        Long explicit = u.constituencyId();
        if (explicit == null && (m.constituency.kind == ConstituencyKind.PATIENT || m.constituency.kind == ConstituencyKind.OTHER)) {
            explicit = m.constituency.id;
        }
        List<String> changed = new ArrayList<>();
        boolean rulesTouched = !Objects.equals(u.dateOfBirth(), m.dateOfBirth)
                || !Objects.equals(EligibilityRules.district(u.postcode()), EligibilityRules.district(m.postcode))
                || !Objects.equals(EligibilityRules.staffClass(u.staffClass()), m.staffClass)
                || (explicit != null && !explicit.equals(m.constituency.id));
        if (rulesTouched) {
            Eligibility e = EligibilityRules.check(new Applicant(u.dateOfBirth(), u.postcode(), u.staffClass(), explicit),
                    constituencies.listAll(), today());
            if (!(e instanceof Eligibility.Eligible eligible)) {
                throw problemFor(e);
            }
            boolean moved = !eligible.constituency().id.equals(m.constituency.id);
            if (moved) {
                changed.add("constituency");
                m.constituency = eligible.constituency();
            }
            boolean newStaffClass = !Objects.equals(EligibilityRules.staffClass(u.staffClass()), m.staffClass);
            if ((moved || (newStaffClass && m.constituency.kind == ConstituencyKind.STAFF))
                    && m.status == MemberStatus.ACTIVE && needsReview(m.constituency)) {
                changed.add("status");
                m.status = MemberStatus.PENDING;
            }
        }
        track(changed, "name", m.name, u.name().trim());
        track(changed, "email", m.email, email);
        track(changed, "dateOfBirth", m.dateOfBirth, u.dateOfBirth());
        track(changed, "postcode", m.postcode, normalisedPostcode(u.postcode()));
        track(changed, "staffClass", m.staffClass, EligibilityRules.staffClass(u.staffClass()));
        m.name = u.name().trim();
        m.email = email;
        m.dateOfBirth = u.dateOfBirth();
        m.postcode = normalisedPostcode(u.postcode());
        m.staffClass = EligibilityRules.staffClass(u.staffClass());
        if (!changed.isEmpty()) {
            members.flush(); // a clash with a concurrent change surfaces here, as a 409, not at commit
            audit.record(actor, "member.updated", "member/" + m.id,
                    Map.of("changed", changed, "constituencyId", m.constituency.id, "status", m.status.key()));
        }
        return MemberView.from(m);
    }

    /** Leaving keeps the record (status lapsed): the member can still ask for erasure. */
    @Transactional
    public MemberView leave(String subject, String actor) {
        Member m = mineOr404(subject);
        if (m.status == MemberStatus.LAPSED || m.status == MemberStatus.REMOVED) {
            throw ProblemException.conflict("Your membership has already ended (status " + m.status.key() + ")").coded("membership-ended");
        }
        MemberStatus before = m.status;
        m.status = MemberStatus.LAPSED;
        audit.record(actor, "member.left", "member/" + m.id, Map.of("from", before.key(), "to", m.status.key()));
        return MemberView.from(m);
    }

    /**
     * A lapsed member rejoins: their details are checked against their constituency's rules as they stand
     * today, and they become active again (or pending where the constituency reviews applications).
     */
    @Transactional
    public MemberView rejoin(String subject, String actor) {
        Member m = mineOr404(subject);
        if (m.status != MemberStatus.LAPSED) {
            throw ProblemException.conflict("Only a lapsed membership can be renewed; yours is " + m.status.key()).coded("not-lapsed");
        }
        Long explicit = m.constituency.kind == ConstituencyKind.PATIENT || m.constituency.kind == ConstituencyKind.OTHER
                ? m.constituency.id : null;
        Eligibility e = EligibilityRules.check(new Applicant(m.dateOfBirth, m.postcode, m.staffClass, explicit),
                constituencies.listAll(), today());
        if (!(e instanceof Eligibility.Eligible eligible)) {
            throw problemFor(e);
        }
        m.constituency = eligible.constituency();
        m.status = m.constituency.reviewApplications ? MemberStatus.PENDING : MemberStatus.ACTIVE;
        audit.record(actor, "member.rejoined", "member/" + m.id,
                Map.of("constituencyId", m.constituency.id, "status", m.status.key()));
        return MemberView.from(m);
    }

    /**
     * Erasure: every personal field and the login link go; the row stays with its id, constituency,
     * joined date and status removed, so participation in past votes and every count stay as they were.
     */
    @Transactional
    public void erase(String subject, String actor) {
        eraseRecord(mineOr404(subject), actor);
    }

    /** Erasure by the returning officer, for a member who asked by other means (letter, phone). */
    @Transactional
    public void eraseById(long id, String actor) {
        Member m = byId(id);
        if (m.erasedAt != null) {
            throw ProblemException.conflict("Member " + id + " has already been erased").coded("member-already-erased", "id", id);
        }
        eraseRecord(m, actor);
    }

    private void eraseRecord(Member m, String actor) {
        m.subject = null;
        m.externalId = null;
        m.name = null;
        m.email = null;
        m.dateOfBirth = null;
        m.postcode = null;
        m.staffClass = null;
        m.consentedAt = null;
        m.status = MemberStatus.REMOVED;
        m.erasedAt = Instant.now();
        audit.record(actor, "member.erased", "member/" + m.id, Map.of());
    }

    @Transactional
    public MemberPage search(String name, String email, Long constituencyId, MemberStatus status, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (name != null && !name.isBlank()) {
            q.append(" and lower(name) like :name");
            params.put("name", "%" + likeEscape(name.trim().toLowerCase()) + "%");
        }
        if (email != null && !email.isBlank()) {
            q.append(" and lower(email) like :email");
            params.put("email", "%" + likeEscape(email.trim().toLowerCase()) + "%");
        }
        if (constituencyId != null) {
            q.append(" and constituency.id = :constituencyId");
            params.put("constituencyId", constituencyId);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        var query = members.find(q.toString(), Sort.by("id"), params);
        List<MemberView> items = query.page(Page.of(page, size)).list().stream().map(MemberView::from).toList();
        return new MemberPage(items, page, size, query.count());
    }

    @Transactional
    public MemberView get(long id) {
        return MemberView.from(byId(id));
    }

    @Transactional
    public MemberView approve(String actor, long id) {
        Member m = byId(id);
        requirePending(m);
        m.status = MemberStatus.ACTIVE;
        audit.record(actor, "member.approved", "member/" + m.id, Map.of("constituencyId", m.constituency.id));
        return MemberView.from(m);
    }

    @Transactional
    public MemberView reject(String actor, long id, String reason) {
        Member m = byId(id);
        requirePending(m);
        m.status = MemberStatus.REMOVED;
        audit.record(actor, "member.rejected", "member/" + m.id, Map.of("reason", reason.trim()));
        return MemberView.from(m);
    }

    @Transactional
    public MemberView changeStatus(String actor, long id, StatusChange change) {
        Member m = byId(id);
        if (m.isErased()) {
            throw ProblemException.conflict("Member " + id + " was erased; the status of an erased record stays removed")
                    .coded("member-erased", "id", id);
        }
        if (m.status == change.status()) {
            return MemberView.from(m);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", m.status.key());
        details.put("to", change.status().key());
        details.put("reason", change.reason().trim());
        m.status = change.status();
        audit.record(actor, "member.status-changed", "member/" + m.id, details);
        return MemberView.from(m);
    }

    /** One line of the member counts as the query returns it. */
    record StatusCount(Long constituencyId, String constituency, MemberStatus status, Long count) {
    }

    @Transactional
    public Counts counts() {
        List<StatusCount> rows = members.getEntityManager().createQuery(
                "select c.id, c.name, m.status, count(m) from Member m join m.constituency c"
                        + " group by c.id, c.name, m.status order by c.name, c.id, m.status", StatusCount.class)
                .getResultList();
        List<CountRow> out = new ArrayList<>();
        long total = 0;
        for (StatusCount r : rows) {
            total += r.count();
            out.add(new CountRow(r.constituencyId(), r.constituency(), r.status().key(), r.count()));
        }
        return new Counts(out, total);
    }

    /** One row of the register export, in the columns of its header. */
    record RegisterRow(Long id, String externalId, String name, String email, LocalDate dateOfBirth, String postcode,
            String staffClass, String constituency, MemberStatus status, LocalDate joinedOn) {

        List<Object> fields() {
            return Arrays.asList(id, externalId, name, email, dateOfBirth, postcode, staffClass, constituency, status.key(),
                    joinedOn);
        }
    }

    /**
     * The register as CSV, one row per member record (erased records keep only id, constituency, status).
     * Who took a copy of the register's personal data, and when, is audited.
     */
    @Transactional
    public String export(String actor) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("id,external_id,name,email,date_of_birth,postcode,staff_class,constituency,status,joined_on\r\n");
        List<RegisterRow> rows = members.getEntityManager().createQuery(
                "select m.id, m.externalId, m.name, m.email, m.dateOfBirth, m.postcode, m.staffClass, c.name, m.status, m.joinedOn"
                        + " from Member m join m.constituency c order by m.id", RegisterRow.class)
                .getResultList();
        for (RegisterRow r : rows) {
            List<Object> fields = r.fields();
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object v = fields.get(i);
                sb.append(Csv.escape(v == null ? "" : v.toString()));
            }
            sb.append("\r\n");
        }
        audit.record(actor, "member.register-exported", "register", Map.of("rows", rows.size()));
        return sb.toString();
    }

    /**
     * Whether a member placed here by their own say-so waits for the returning officer: where the
     * constituency reviews applications, and always in a staff constituency, because a staff class typed
     * into a form is a claim (staff are confirmed by the employer's list, imported by an admin).
     */
    static boolean needsReview(Constituency c) {
        return c.reviewApplications || c.kind == ConstituencyKind.STAFF;
    }

    /** The 422 that tells an applicant why no constituency, or more than one, fits. */
    static ProblemException problemFor(Eligibility e) {
        if (e instanceof Eligibility.NoneFits none) {
            return ProblemException.unprocessable(
                    "You do not meet the rules of any constituency: " + String.join(" | ", none.reasons()),
                    none.refusals().stream().map(Eligibility.Refusal::error).toList()).coded("not-eligible");
        }
        if (e instanceof Eligibility.SeveralFit several) {
            return ProblemException.unprocessable(
                    "You meet the rules of several constituencies (" + String.join(", ", several.names())
                            + "); choose one by constituencyId",
                    several.phrases().stream().map(p -> p.at("constituencyId")).toList())
                            .coded("several-constituencies");
        }
        throw new IllegalStateException("an eligible applicant is not a problem");
    }

    static String normalisedPostcode(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return null;
        }
        String p = postcode.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        return p.length() >= 5 ? p.substring(0, p.length() - 3) + " " + p.substring(p.length() - 3) : p;
    }

    private Member mineOr404(String subject) {
        return members.findBySubject(subject)
                .orElseThrow(() -> ProblemException.notFound("A member record for you").coded("no-member-record"));
    }

    private Member byId(long id) {
        Member m = members.findById(id);
        if (m == null) {
            throw ProblemException.notFound("Member " + id);
        }
        return m;
    }

    private static void requirePending(Member m) {
        if (m.status != MemberStatus.PENDING) {
            throw ProblemException.conflict("Member " + m.id + " is " + m.status.key() + ", not pending")
                    .coded("member-not-pending", "id", m.id, "status", m.status.key());
        }
    }

    private static void track(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
