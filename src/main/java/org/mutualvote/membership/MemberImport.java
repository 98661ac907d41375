package org.mutualvote.membership;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.membership.Eligibility.Applicant;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.PlainText;
import org.mutualvote.web.Plausible;
import org.mutualvote.web.Problem;
import org.mutualvote.web.ProblemException;

/**
 * Bulk import of a staff list (CSV). Every row is checked first; a dry run only reports, and the real
 * run writes all rows in one transaction, or nothing at all (422 with the row-level report) when any
 * row is rejected. Rows match existing members on external_id, else on email.
 */
@ApplicationScoped
public class MemberImport {

    static final List<String> COLUMNS = List.of("name", "email", "date_of_birth", "staff_class", "postcode", "external_id");
    static final String EXPECTED = "name, email, date_of_birth, and staff_class or postcode (or both), optionally external_id";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+$");
    private static final int CHUNK = 1000;

    private final MemberRepository members;
    private final ConstituencyRepository constituencies;
    private final AuditService audit;
    private final MemberService memberService;

    public MemberImport(MemberRepository members, ConstituencyRepository constituencies, AuditService audit,
            MemberService memberService) {
        this.members = members;
        this.constituencies = constituencies;
        this.audit = audit;
        this.memberService = memberService;
    }

    /**
     * One row's fate: create, update (with the member id) or reject (with why: {@code reason} in English, {@code reasons}
     * the same as phrases a client says in its reader's words); {@code warning} and {@code warningPhrase} likewise.
     */
    public record RowResult(int row, String action, Long memberId, String email, String constituency, String reason,
            List<Phrase> reasons, String warning, Phrase warningPhrase) {
    }

    /** {@code rows} lists every row for a dry run; a real run that wrote only gives the counts. */
    public record ImportReport(boolean dryRun, boolean applied, int rows, int created, int updated, int rejected,
            List<RowResult> results) {
    }

    /** Reads at most {@code limit} bytes; more is a 413. */
    static byte[] readLimited(InputStream in, long limit) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ProblemException.badRequest("The upload could not be read: " + e.getMessage()).coded("upload-unreadable");
        }
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "Payload too large",
                "The CSV file is larger than " + (limit / (1024 * 1024)) + " MB; split it into smaller files");
    }

    @Transactional
    public ImportReport run(String actor, byte[] body, boolean dryRun, boolean confirmLinks) {
        List<Csv.Row> rows = parse(body);
        Map<String, Integer> header = header(rows.get(0));
        if (rows.size() == 1) {
            throw ProblemException.unprocessable("The file has a header but no rows").coded("import-no-rows");
        }
        List<Constituency> all = constituencies.listAll();
        Set<String> knownClasses = new HashSet<>();
        Set<String> knownDistricts = new HashSet<>();
        for (Constituency c : all) {
            if (!c.retired) {
                knownClasses.addAll(c.staffClasses);
                knownDistricts.addAll(c.areas);
            }
        }
        LocalDate today = memberService.today();

        List<Planned> planned = new ArrayList<>(rows.size());
        Map<String, Integer> emailRow = new HashMap<>();
        Map<String, Integer> externalRow = new HashMap<>();
        for (Csv.Row r : rows.subList(1, rows.size())) {
            planned.add(check(r, header, all, knownClasses, knownDistricts, today, emailRow, externalRow));
        }
        match(planned);

        List<RowResult> results = new ArrayList<>(planned.size());
        int created = 0;
        int updated = 0;
        int rejected = 0;
        for (Planned p : planned) {
            if (p.reason != null) {
                rejected++;
                results.add(new RowResult(p.row, "reject", null, p.email, null, p.reason, p.reasons, null, null));
            } else if (p.targetId != null) {
                updated++;
                results.add(new RowResult(p.row, "update", p.targetId, p.email, p.constituency.name, null, List.of(),
                        p.linkWarning == null ? null : p.linkWarning.text(), p.linkWarning));
            } else {
                created++;
                results.add(new RowResult(p.row, "create", null, p.email, p.constituency.name, null, List.of(), null, null));
            }
        }
        if (dryRun) {
            return new ImportReport(true, false, planned.size(), created, updated, rejected, results);
        }
        if (rejected > 0) {
            List<Problem.FieldError> errors = results.stream().filter(r -> r.reason() != null)
                    .map(r -> Phrase.refusedRow(r.reason(), r.reasons()).at("row " + r.row())).toList();
            throw ProblemException.unprocessable(rejected + " of " + planned.size()
                    + " rows are rejected, so nothing was imported; correct them and send the file again", errors)
                    .coded("import-rows-rejected", "rejected", rejected, "rows", planned.size());
        }
        List<Problem.FieldError> unconfirmed = results.stream().filter(r -> r.warningPhrase() != null)
                .map(r -> r.warningPhrase().at("row " + r.row())).toList();
        if (!confirmLinks && !unconfirmed.isEmpty()) {
            throw ProblemException.unprocessable(unconfirmed.size() + " rows would give a register record to a login that"
                    + " signed up by itself, so nothing was imported; check each is the same person, then send the file"
                    + " again with confirmLinks=true", unconfirmed).coded("import-links-unconfirmed", "rows", unconfirmed.size());
        }
        apply(planned);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", planned.size());
        details.put("created", created);
        details.put("updated", updated);
        audit.record(actor, "members.imported", "member", details);
        return new ImportReport(false, true, planned.size(), created, updated, 0, List.of());
    }

    /** A row after its own checks; {@code targetId} is the member it updates, null to create. */
    private static final class Planned {
        int row;
        String name;
        String email;
        LocalDate dateOfBirth;
        String postcode;
        String staffClass;
        String externalId;
        Constituency constituency;
        Long targetId;
        String reason;
        List<Phrase> reasons = List.of();
        /**
         * Rejects the row: {@code reason} joins the phrases' English as the report has always shown it; {@code reasons}
         * adds {@code detail} (each rule a constituency refuses by, already inside one phrase's English).
         */
        void refuse(List<Phrase> why, List<Phrase> detail) {
            reason = String.join("; ", why.stream().map(Phrase::text).toList());
            List<Phrase> all = new ArrayList<>(why);
            all.addAll(detail);
            reasons = List.copyOf(all);
        }

        /** Set when the row matches, by email only, a member who signed up with a login of their own. */
        Phrase linkWarning;
    }

    private static List<Csv.Row> parse(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
        if (body.length - start == 0) {
            throw ProblemException.unprocessable("The file is empty; expected a header row: " + EXPECTED).coded("import-file-empty");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            String before = new String(body, start, in.position() - start, StandardCharsets.UTF_8);
            int row = Csv.rowAtEnd(before);
            throw ProblemException.unprocessable("Row " + row + " is not valid UTF-8 text; save the file as UTF-8",
                    List.of(new Problem.FieldError("row " + row, "bytes that are not UTF-8", "not-utf-8"))).coded("csv-not-utf-8", "row", row);
        }
        out.flip();
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(out.toString());
        } catch (Csv.MalformedCsv e) {
            throw ProblemException.unprocessable("Row " + e.row + " is not valid CSV: " + e.getMessage(),
                    List.of(new Problem.FieldError("row " + e.row, e.getMessage(), e.code))).coded("csv-malformed", "row", e.row);
        }
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("The file is empty; expected a header row: " + EXPECTED).coded("import-file-empty");
        }
        return rows;
    }

    private static Map<String, Integer> header(Csv.Row row) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Phrase> problems = new ArrayList<>();
        for (int i = 0; i < row.fields().size(); i++) {
            String name = row.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                problems.add(Phrase.of("column-unknown", "unknown column '" + row.fields().get(i).trim() + "'", "column", row.fields().get(i).trim()));
            } else if (index.putIfAbsent(name, i) != null) {
                problems.add(Phrase.of("column-twice", "column '" + name + "' appears twice", "column", name));
            }
        }
        for (String required : List.of("name", "email", "date_of_birth")) {
            if (!index.containsKey(required)) {
                problems.add(Phrase.of("column-missing", "missing column '" + required + "'", "column", required));
            }
        }
        if (!index.containsKey("staff_class") && !index.containsKey("postcode")) {
            problems.add(Phrase.of("column-staff-class-or-postcode-missing", "missing column 'staff_class' or 'postcode'"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("Row 1 is not the expected header: " + String.join("; ", problems.stream().map(Phrase::text).toList())
                    + ". Expected columns: " + EXPECTED,
                    problems.stream().map(p -> p.at("row 1")).toList()).coded("import-header");
        }
        return index;
    }

    private static Planned check(Csv.Row r, Map<String, Integer> header, List<Constituency> all, Set<String> knownClasses,
            Set<String> knownDistricts, LocalDate today, Map<String, Integer> emailRow, Map<String, Integer> externalRow) {
        Planned p = new Planned();
        p.row = r.number();
        if (r.fields().size() != header.size()) {
            p.refuse(List.of(Phrase.of("row-field-count", "has " + r.fields().size() + " fields, the header has " + header.size(),
                    "fields", r.fields().size(), "expected", header.size())), List.of());
            return p;
        }
        p.name = field(r, header, "name");
        p.email = field(r, header, "email");
        String dob = field(r, header, "date_of_birth");
        p.staffClass = EligibilityRules.staffClass(field(r, header, "staff_class"));
        String postcode = field(r, header, "postcode");
        p.externalId = field(r, header, "external_id");
        List<Phrase> problems = new ArrayList<>();
        List<Phrase> detail = new ArrayList<>();
        for (String column : header.keySet()) {
            String cell = field(r, header, column);
            if (cell != null && !PlainText.Validator.isPlain(cell, false)) {
                problems.add(Phrase.of("cell-not-plain", column + " contains control characters, direction overrides or only invisible characters",
                        "column", column));
            }
        }
        if (p.name == null) {
            problems.add(Phrase.of("name-missing", "name is missing"));
        } else if (p.name.length() > 200) {
            problems.add(Phrase.of("name-too-long", "name is longer than 200 characters", "max", 200));
        }
        if (p.email == null) {
            problems.add(Phrase.of("email-missing", "email is missing"));
        } else if (p.email.length() > 254 || !EMAIL.matcher(p.email).matches()) {
            problems.add(Phrase.of("email-invalid", "email '" + p.email + "' is not an email address", "email", p.email));
        }
        if (dob == null) {
            problems.add(Phrase.of("date-of-birth-missing", "date_of_birth is missing"));
        } else {
            try {
                p.dateOfBirth = LocalDate.parse(dob);
                if (p.dateOfBirth.isBefore(Plausible.FIRST)) {
                    problems.add(Phrase.of("date-of-birth-too-early", "date_of_birth " + dob + " is before " + Plausible.FIRST,
                            "date", dob, "first", Plausible.FIRST));
                } else if (!p.dateOfBirth.isBefore(today)) {
                    problems.add(Phrase.of("date-of-birth-not-past", "date_of_birth " + dob + " is not in the past", "date", dob));
                }
            } catch (DateTimeParseException e) {
                problems.add(Phrase.of("date-of-birth-invalid", "date_of_birth '" + dob + "' is not a date in the form yyyy-mm-dd",
                        "value", dob));
            }
        }
        if (p.externalId != null && p.externalId.length() > 100) {
            problems.add(Phrase.of("external-id-too-long", "external_id is longer than 100 characters", "max", 100));
        }
        if (p.staffClass == null && postcode == null) {
            problems.add(Phrase.of("staff-class-or-postcode-missing", "staff_class or postcode is missing"));
        } else if (p.staffClass != null && !knownClasses.contains(p.staffClass)) {
            problems.add(Phrase.of("unknown-staff-class", "unknown staff class '" + p.staffClass + "'", "staffClass", p.staffClass));
        } else if (p.staffClass == null) {
            String district = EligibilityRules.district(postcode);
            if (district == null) {
                problems.add(Phrase.of("postcode-invalid", "postcode '" + postcode + "' is not a UK postcode", "postcode", postcode));
            } else if (!knownDistricts.contains(district)) {
                problems.add(Phrase.of("postcode-in-no-constituency", "postcode district " + district + " is not in any public constituency",
                        "district", district));
            }
            p.postcode = MemberService.normalisedPostcode(postcode);
        }
        if (p.staffClass != null && postcode != null) {
            p.postcode = MemberService.normalisedPostcode(postcode);
        }
        if (p.email != null) {
            Integer first = emailRow.putIfAbsent(p.email.toLowerCase(Locale.ROOT), p.row);
            if (first != null) {
                problems.add(Phrase.of("email-repeated", "email " + p.email + " is also on row " + first, "email", p.email, "row", first));
            }
        }
        if (p.externalId != null) {
            Integer first = externalRow.putIfAbsent(p.externalId, p.row);
            if (first != null) {
                problems.add(Phrase.of("external-id-repeated", "external_id " + p.externalId + " is also on row " + first,
                        "externalId", p.externalId, "row", first));
            }
        }
        if (problems.isEmpty()) {
            Eligibility e = EligibilityRules.check(new Applicant(p.dateOfBirth, p.postcode, p.staffClass, null), all, today);
            if (e instanceof Eligibility.Eligible ok) {
                p.constituency = ok.constituency();
            } else if (e instanceof Eligibility.NoneFits none) {
                // The English keeps one line per constituency; the phrases give each refused rule on its own.
                problems.add(Phrase.of("fits-no-constituency", "fits no constituency: " + String.join(" | ", none.reasons())));
                none.refusals().forEach(refusal -> detail.add(refusal.phrase()));
            } else if (e instanceof Eligibility.SeveralFit several) {
                problems.add(Phrase.of("fits-several-constituencies", "fits several constituencies: " + String.join(", ", several.names()),
                        "constituencies", String.join(", ", several.names())));
            }
        }
        if (!problems.isEmpty()) {
            p.refuse(problems, detail);
        }
        return p;
    }

    private static String field(Csv.Row r, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        if (i == null) {
            return null;
        }
        String v = r.fields().get(i).trim();
        return v.isEmpty() ? null : v;
    }

    /** A member already on the register, as the import matches rows to it (email in lower case). */
    /** A member the file may match; {@code subject} is their login, null until someone logs in as them. */
    record Existing(Long id, String externalId, String email, String subject) {
    }

    /** Finds the member each valid row updates, and rejects rows whose email belongs to someone else. */
    private void match(List<Planned> planned) {
        List<Planned> valid = planned.stream().filter(p -> p.reason == null).toList();
        Map<String, Existing> byExternal = new HashMap<>();
        Map<String, Existing> byEmail = new HashMap<>();
        EntityManager em = members.getEntityManager();
        List<String> externals = valid.stream().map(p -> p.externalId).filter(x -> x != null).toList();
        for (int i = 0; i < externals.size(); i += CHUNK) {
            em.createQuery("select m.id, m.externalId, lower(m.email), m.subject from Member m where m.externalId in :ids", Existing.class)
                    .setParameter("ids", externals.subList(i, Math.min(externals.size(), i + CHUNK)))
                    .getResultList().forEach(row -> byExternal.put(row.externalId(), row));
        }
        List<String> emails = valid.stream().map(p -> p.email.toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < emails.size(); i += CHUNK) {
            em.createQuery("select m.id, m.externalId, lower(m.email), m.subject from Member m where lower(m.email) in :emails", Existing.class)
                    .setParameter("emails", emails.subList(i, Math.min(emails.size(), i + CHUNK)))
                    .getResultList().forEach(row -> byEmail.put(row.email(), row));
        }
        Map<Long, Integer> targeted = new HashMap<>();
        for (Planned p : valid) {
            Existing owner = byEmail.get(p.email.toLowerCase(Locale.ROOT));
            Existing target = p.externalId == null ? null : byExternal.get(p.externalId);
            if (target != null) {
                if (owner != null && !owner.id().equals(target.id())) {
                    p.refuse(List.of(Phrase.of("email-used", "email " + p.email + " is already used by another member (id " + owner.id() + ")",
                            "email", p.email, "memberId", owner.id())), List.of());
                    continue;
                }
            } else if (owner != null) {
                if (p.externalId != null && owner.externalId() != null) {
                    p.refuse(List.of(Phrase.of("email-used-other-external-id",
                            "email " + p.email + " is already used by a member with another external_id (id " + owner.id() + ")",
                            "email", p.email, "memberId", owner.id())), List.of());
                    continue;
                }
                target = owner;
                if (owner.subject() != null) {
                    p.linkWarning = Phrase.of("link-needs-confirming", "matches by email alone member " + owner.id()
                            + ", who signed up with a login of their own: the import would give that login this row's name, date of"
                            + " birth and staff details. Confirm (confirmLinks=true) only if it is the same person", "memberId", owner.id());
                }
            }
            if (target != null) {
                Long id = target.id();
                Integer first = targeted.putIfAbsent(id, p.row);
                if (first != null) {
                    p.refuse(List.of(Phrase.of("same-member-as-row", "matches the same member (id " + id + ") as row " + first,
                            "memberId", id, "row", first)), List.of());
                    continue;
                }
                p.targetId = id;
            }
        }
    }

    private void apply(List<Planned> planned) {
        EntityManager em = members.getEntityManager();
        LocalDate today = memberService.today();
        List<Planned> updates = planned.stream().filter(p -> p.targetId != null).toList();
        for (int i = 0; i < updates.size(); i += CHUNK) {
            List<Planned> chunk = updates.subList(i, Math.min(updates.size(), i + CHUNK));
            Map<Long, Member> loaded = new HashMap<>();
            members.list("id in ?1", chunk.stream().map(p -> p.targetId).toList()).forEach(m -> loaded.put(m.id, m));
            for (Planned p : chunk) {
                Member m = loaded.get(p.targetId);
                fill(m, p, em);
            }
            em.flush();
            em.clear();
        }
        int pending = 0;
        for (Planned p : planned) {
            if (p.targetId != null) {
                continue;
            }
            Member m = new Member();
            fill(m, p, em);
            m.status = MemberStatus.ACTIVE;
            m.joinedOn = today;
            em.persist(m);
            if (++pending == CHUNK) {
                em.flush();
                em.clear();
                pending = 0;
            }
        }
        em.flush();
        em.clear();
    }

    private static void fill(Member m, Planned p, EntityManager em) {
        m.name = p.name;
        m.email = p.email;
        m.dateOfBirth = p.dateOfBirth;
        m.postcode = p.postcode;
        m.staffClass = p.staffClass;
        if (p.externalId != null) {
            m.externalId = p.externalId;
        }
        m.constituency = em.getReference(Constituency.class, p.constituency.id);
    }
}
