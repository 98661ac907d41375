package org.mutualvote.membership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.membership.ConstituencyDtos.ConstituencyRequest;
import org.mutualvote.membership.ConstituencyDtos.ConstituencyView;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem;
import org.mutualvote.web.ProblemException;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ConstituencyService {

    private final ConstituencyRepository constituencies;
    private final MemberRepository members;
    private final AuditService audit;

    public ConstituencyService(ConstituencyRepository constituencies, MemberRepository members, AuditService audit) {
        this.constituencies = constituencies;
        this.members = members;
        this.audit = audit;
    }

    @Transactional
    public List<ConstituencyView> list(boolean includeRetired) {
        List<Constituency> list = includeRetired ? constituencies.listAll(Sort.by("name"))
                : constituencies.listOpen();
        return list.stream().map(ConstituencyView::from).toList();
    }

    @Transactional
    public ConstituencyView get(long id) {
        return ConstituencyView.from(find(id));
    }

    @Transactional
    public ConstituencyView create(String actor, ConstituencyRequest r) {
        Constituency c = new Constituency();
        apply(c, r);
        constituencies.persist(c);
        constituencies.flush();
        audit.record(actor, "constituency.created", "constituency/" + c.id, describe(c));
        return ConstituencyView.from(c);
    }

    @Transactional
    public ConstituencyView update(String actor, long id, ConstituencyRequest r) {
        Constituency c = find(id);
        Map<String, Object> before = describe(c);
        apply(c, r);
        Map<String, Object> after = describe(c);
        List<String> changed = new ArrayList<>();
        after.forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                changed.add(k);
            }
        });
        if (!changed.isEmpty()) {
            constituencies.flush();
            Map<String, Object> details = new LinkedHashMap<>(after);
            details.put("changed", changed);
            audit.record(actor, "constituency.edited", "constituency/" + c.id, details);
        }
        return ConstituencyView.from(c);
    }

    @Transactional
    public ConstituencyView retire(String actor, long id) {
        Constituency c = find(id);
        if (!c.retired) {
            c.retired = true;
            audit.record(actor, "constituency.retired", "constituency/" + c.id, Map.of("name", c.name));
        }
        return ConstituencyView.from(c);
    }

    @Transactional
    public void delete(String actor, long id) {
        Constituency c = find(id);
        long count = members.countInConstituency(id);
        if (count > 0) {
            throw ProblemException.conflict("Constituency '" + c.name + "' has " + count
                    + " member record(s) and cannot be deleted; retire it instead")
                    .coded("constituency-in-use", "constituency", c.name, "members", count);
        }
        audit.record(actor, "constituency.deleted", "constituency/" + c.id, Map.of("name", c.name));
        constituencies.delete(c);
    }

    Constituency find(long id) {
        Constituency c = constituencies.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Constituency " + id);
        }
        return c;
    }

    private void apply(Constituency c, ConstituencyRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = r.name().trim();
        if (constituencies.nameTaken(name, c.id)) {
            throw ProblemException.conflict("A constituency named '" + name + "' already exists")
                    .coded("constituency-name-taken", "name", name);
        }
        TreeSet<String> areas = new TreeSet<>();
        for (String a : r.areas() == null ? List.<String> of() : r.areas()) {
            String d = a.trim().toUpperCase(Locale.ROOT);
            if (!EligibilityRules.isDistrict(d)) {
                errors.add(Phrase.of("area-not-district", "'" + a + "' is not a postcode district such as LS6", "value", a).at("areas"));
            }
            areas.add(d);
        }
        TreeSet<String> classes = new TreeSet<>();
        for (String s : r.staffClasses() == null ? List.<String> of() : r.staffClasses()) {
            classes.add(EligibilityRules.staffClass(s));
        }
        if (r.kind() == ConstituencyKind.PUBLIC && areas.isEmpty()) {
            errors.add(Phrase.of("public-needs-area", "a public constituency needs at least one postcode district").at("areas"));
        }
        if (r.kind() != ConstituencyKind.PUBLIC && !areas.isEmpty()) {
            errors.add(Phrase.of("areas-only-public", "only public constituencies have areas").at("areas"));
        }
        if (r.kind() == ConstituencyKind.STAFF && classes.isEmpty()) {
            errors.add(Phrase.of("staff-needs-class", "a staff constituency needs at least one staff class").at("staffClasses"));
        }
        if (r.kind() != ConstituencyKind.STAFF && !classes.isEmpty()) {
            errors.add(Phrase.of("classes-only-staff", "only staff constituencies have staff classes").at("staffClasses"));
        }
        if (c.id != null && c.kind != r.kind() && members.countInConstituency(c.id) > 0) {
            errors.add(Phrase.of("kind-fixed-with-members", "cannot change the kind of a constituency that has members").at("kind"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The constituency's rules are not consistent", errors)
                    .coded("constituency-rules-inconsistent");
        }
        c.name = name;
        c.kind = r.kind();
        c.seats = r.seats();
        c.minAge = r.minAge() == null ? 16 : r.minAge();
        c.reviewApplications = Boolean.TRUE.equals(r.reviewApplications());
        c.areas.clear();
        c.areas.addAll(areas);
        c.staffClasses.clear();
        c.staffClasses.addAll(classes);
    }

    private static Map<String, Object> describe(Constituency c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name);
        m.put("kind", c.kind.key());
        m.put("seats", c.seats);
        m.put("minAge", c.minAge);
        m.put("areas", List.copyOf(c.areas));
        m.put("staffClasses", List.copyOf(c.staffClasses));
        m.put("reviewApplications", c.reviewApplications);
        return m;
    }
}
