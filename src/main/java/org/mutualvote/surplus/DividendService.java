package org.mutualvote.surplus;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mutualvote.audit.AuditService;
import org.mutualvote.contest.Contest;
import org.mutualvote.contest.ContestKind;
import org.mutualvote.contest.ContestRepository;
import org.mutualvote.contest.ContestState;
import org.mutualvote.membership.ConstituencyRepository;
import org.mutualvote.membership.Csv;
import org.mutualvote.membership.Member;
import org.mutualvote.membership.MemberRepository;
import org.mutualvote.surplus.SurplusDtos.DividendReport;
import org.mutualvote.surplus.SurplusDtos.FigureRow;
import org.mutualvote.surplus.SurplusDtos.MyDividend;
import org.mutualvote.surplus.SurplusDtos.ShareView;
import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;
import org.mutualvote.web.ProblemException;

/**
 * Sharing a dividend pot of a published surplus vote among the members eligible for it: active members
 * of the chosen constituencies who had joined by the record date. Each member's share is in proportion
 * to a figure: 1 (equal), days of membership up to the record date (counting both ends), or from an
 * uploaded CSV, hours worked (in hundredths), pay or trade with the society (in pence). Pennies by
 * largest remainder ({@link Pence}); the seed for ties is the first 63 bits of the inputs' digest, so
 * the same inputs always give the same pennies and nobody picks the seed.
 */
@ApplicationScoped
public class DividendService {

    public static final List<String> BASES = List.of("equal", "hours", "pay", "membership", "trade");
    private static final List<String> FROM_FILE = List.of("hours", "pay", "trade");
    static final int MAX_ROWS = 1_000_000;

    private final ContestRepository contests;
    private final SurplusRepository surplus;
    private final SurplusService service;
    private final SurplusResults results;
    private final ConstituencyRepository constituencies;
    private final MemberRepository members;
    private final AuditService audit;

    DividendService(ContestRepository contests, SurplusRepository surplus, SurplusService service, SurplusResults results,
            ConstituencyRepository constituencies, MemberRepository members, AuditService audit) {
        this.contests = contests;
        this.surplus = surplus;
        this.service = service;
        this.results = results;
        this.constituencies = constituencies;
        this.members = members;
        this.audit = audit;
    }

    /** A member who might be named in a figures file, with what makes them eligible or not. */
    private record Candidate(long id, String externalId, String status, long constituencyId, String constituencyName, LocalDate joinedOn,
            boolean erased) {
    }

    /** The settings of one calculation, checked. */
    private record Settings(Contest contest, int pot, String potName, long potPence, String basis, LocalDate recordDate,
            List<Long> constituencyIds) {
    }

    @Transactional
    public DividendReport calculate(long contestId, int pot, String basis, List<Long> constituencyIds, LocalDate recordDate,
            byte[] csv, boolean dryRun, String actor) {
        Settings s = settings(contestId, pot, basis, constituencyIds, recordDate, csv);
        Map<Long, Candidate> eligible = new TreeMap<>();
        for (Candidate c : candidates("m.constituency.id in :ids and m.status = 'active' and m.joinedOn <= :date and m.erasedAt is null",
                Map.of("ids", s.constituencyIds(), "date", s.recordDate()))) {
            eligible.put(c.id(), c);
        }
        Map<Long, Long> figures = new TreeMap<>();
        List<FigureRow> rows = new ArrayList<>();
        switch (s.basis()) {
            case "equal" -> eligible.keySet().forEach(id -> figures.put(id, 1L));
            case "membership" -> eligible.values().forEach(c -> figures.put(c.id(), ChronoUnit.DAYS.between(c.joinedOn(), s.recordDate()) + 1));
            default -> readFigures(s, csv, eligible, figures, rows);
        }
        int rejected = (int) rows.stream().filter(r -> r.reason() != null).count();
        for (Long id : eligible.keySet()) {
            figures.putIfAbsent(id, 0L);
        }
        int withoutFigure = (int) (FROM_FILE.contains(s.basis()) ? eligible.size() - (rows.size() - rejected) : 0);
        long total = figures.values().stream().mapToLong(Long::longValue).sum();
        if (rejected > 0 && !dryRun) {
            List<FieldError> errors = rows.stream().filter(r -> r.reason() != null)
                    .map(r -> Phrase.refusedRow(r.reason(), r.reasons()).at("row " + r.row())).toList();
            throw ProblemException.unprocessable(rejected + " of " + rows.size()
                    + " rows are refused, so no dividend was worked out; correct them and send the file again", errors)
                    .coded("dividend-rows-refused", "rejected", rejected, "rows", rows.size());
        }
        if (rejected == 0 && total == 0) {
            throw ProblemException.unprocessable(eligible.isEmpty()
                    ? Phrase.of("dividend-no-member-eligible",
                            "No member is eligible: nobody active in those constituencies had joined by " + s.recordDate(),
                            "recordDate", s.recordDate())
                    : Phrase.of("dividend-all-figures-zero", "Every eligible member's figure is zero, so there is nothing to share in proportion to"));
        }
        String digest = digest(s, figures);
        long seed = seed(digest);
        long[] pence = new long[figures.size()];
        List<ShareView> shares = new ArrayList<>();
        if (total > 0) {
            long[] weights = figures.values().stream().mapToLong(Long::longValue).toArray();
            String[] labels = figures.keySet().stream().map(String::valueOf).toArray(String[]::new);
            pence = Pence.byWeights(s.potPence(), weights, seed, labels);
            int i = 0;
            for (Map.Entry<Long, Long> e : figures.entrySet()) {
                shares.add(new ShareView(e.getKey(), e.getValue(), pence[i], Pence.pounds(pence[i])));
                i++;
            }
        }
        long totalPence = java.util.Arrays.stream(pence).sum();
        DividendReport report = new DividendReport(dryRun, false, contestId, s.pot(), s.potName(), s.potPence(), s.basis(), s.recordDate(),
                s.constituencyIds(), eligible.size(), withoutFigure, total, rows.size(), rejected, rows, Long.toString(seed), digest, totalPence,
                shares);
        if (dryRun) {
            return report;
        }
        Dividend existing = surplus.dividend(contestId, pot).orElse(null);
        if (existing != null) {
            if (existing.inputsDigest.equals(digest)) {
                // The same inputs: the same pennies, already stored. Nothing to write again.
                return withoutRows(report, false);
            }
            throw ProblemException.conflict("Pot " + pot + " was already shared out on " + existing.calculatedAt + " from other inputs (digest "
                    + existing.inputsDigest + "); it is not worked out twice").coded("dividend-already-shared", "pot", pot, "digest", existing.inputsDigest);
        }
        Dividend d = new Dividend();
        d.contestId = contestId;
        d.potPosition = pot;
        d.potPence = s.potPence();
        d.basis = s.basis();
        d.recordDate = s.recordDate();
        d.constituencyIds = s.constituencyIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        d.totalFigure = total;
        d.members = figures.size();
        d.seed = seed;
        d.inputsDigest = digest;
        d.calculatedBy = actor;
        d.calculatedAt = Instant.now();
        surplus.getEntityManager().persist(d);
        EntityManager em = surplus.getEntityManager();
        int n = 0;
        for (ShareView sv : shares) {
            DividendShare share = new DividendShare();
            share.dividendId = d.id;
            share.memberId = sv.memberId();
            share.figure = sv.figure();
            share.pence = sv.pence();
            em.persist(share);
            if (++n % 500 == 0) {
                em.flush();
                em.clear();
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pot", pot);
        details.put("potPence", s.potPence());
        details.put("basis", s.basis());
        details.put("recordDate", s.recordDate().toString());
        details.put("constituencyIds", d.constituencyIds);
        details.put("members", d.members);
        details.put("totalFigure", total);
        details.put("inputsDigest", digest);
        details.put("seed", Long.toString(seed));
        details.put("totalPence", totalPence);
        audit.record(actor, "surplus.dividend-calculated", "surplus/" + contestId, details);
        return withoutRows(report, true);
    }

    /** A real run answers with the counts; the shares are in the payroll export and each member's own page. */
    private static DividendReport withoutRows(DividendReport r, boolean applied) {
        return new DividendReport(false, applied, r.contestId(), r.pot(), r.potName(), r.potPence(), r.basis(), r.recordDate(),
                r.constituencyIds(), r.eligible(), r.withoutFigure(), r.totalFigure(), r.rows(), 0, List.of(), r.seed(), r.inputsDigest(),
                r.totalPence(), List.of());
    }

    private Settings settings(long contestId, int pot, String basisKey, List<Long> constituencyIds, LocalDate recordDate, byte[] csv) {
        Contest c = contests.ofKind(contestId, ContestKind.SURPLUS);
        if (c.state != ContestState.PUBLISHED) {
            throw ProblemException.conflict("Dividends are shared out once the result is published; the surplus vote is " + c.state.key())
                    .coded("dividend-before-publish", "state", c.state.key());
        }
        Question q = service.question(surplus.findById(contestId));
        List<FieldError> errors = new ArrayList<>();
        String potName = null;
        long potPence = 0;
        if (pot < 1 || pot > q.pots().size()) {
            errors.add(Phrase.of("pot-unknown", "no pot " + pot + "; the pots are numbered 1 to " + q.pots().size(),
                    "value", pot, "pots", q.pots().size()).at("pot"));
        } else if (!q.kinds().get(pot - 1).dividend()) {
            errors.add(Phrase.of("pot-not-a-dividend", "pot " + pot + " (" + q.pots().get(pot - 1).name() + ") is not a dividend pot",
                    "value", pot, "name", q.pots().get(pot - 1).name()).at("pot"));
        } else {
            potName = q.pots().get(pot - 1).name();
            potPence = results.potPence(contestId)[pot - 1];
        }
        String basis = basisKey == null ? "" : basisKey.strip().toLowerCase(Locale.ROOT);
        if (!BASES.contains(basis)) {
            errors.add(Phrase.of("dividend-basis-unknown", "must be one of " + String.join(", ", BASES), "bases", String.join(", ", BASES)).at("basis"));
        }
        if (recordDate == null) {
            errors.add(Phrase.of("record-date-needed", "give the record date (yyyy-mm-dd): members active and joined by then share the dividend")
                    .at("recordDate"));
        }
        TreeSet<Long> ids = new TreeSet<>();
        if (constituencyIds == null || constituencyIds.isEmpty()) {
            errors.add(Phrase.of("dividend-needs-constituency", "choose at least one constituency whose members share the dividend").at("constituency"));
        } else {
            for (Long id : constituencyIds) {
                if (id == null || constituencies.findByIdOptional(id).isEmpty()) {
                    errors.add(Phrase.of("constituency-unknown", "no constituency has id " + id, "id", id).at("constituency"));
                } else {
                    ids.add(id);
                }
            }
        }
        boolean hasFile = csv != null && csv.length > 0;
        if (FROM_FILE.contains(basis) && !hasFile) {
            errors.add(Phrase.of("figures-file-needed", "the " + basis + " basis needs a CSV file of figures: member_id or external_id, and " + basis,
                    "basis", basis).at("file"));
        }
        if (!FROM_FILE.contains(basis) && BASES.contains(basis) && hasFile) {
            errors.add(Phrase.of("figures-file-not-taken", "the " + basis + " basis takes no figures file", "basis", basis).at("file"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The dividend cannot be worked out like this", errors).coded("dividend-settings-invalid");
        }
        return new Settings(c, pot, potName, potPence, basis, recordDate, List.copyOf(ids));
    }

    /** Reads the figures file row by row, naming every refused row; accepted figures go into {@code figures}. */
    private void readFigures(Settings s, byte[] csv, Map<Long, Candidate> eligible, Map<Long, Long> figures, List<FigureRow> rows) {
        List<Csv.Row> parsed = parse(csv);
        Csv.Row head = parsed.get(0);
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < head.fields().size(); i++) {
            header.put(head.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        String idColumn = header.containsKey("member_id") ? "member_id" : header.containsKey("external_id") ? "external_id" : null;
        if (idColumn == null || !header.containsKey(s.basis()) || header.size() != 2) {
            throw ProblemException.unprocessable("Row 1 is not the expected header: member_id (or external_id) and " + s.basis(),
                    List.of(Phrase.of("figures-header", "expected the columns member_id," + s.basis() + " or external_id," + s.basis(),
                            "basis", s.basis()).at("row 1"))).coded("figures-header", "basis", s.basis());
        }
        if (parsed.size() - 1 > MAX_ROWS) {
            throw ProblemException.unprocessable("The file has more than " + MAX_ROWS + " rows").coded("figures-too-many-rows", "max", MAX_ROWS);
        }
        int idAt = header.get(idColumn);
        int figureAt = header.get(s.basis());
        // Everyone the file names, eligible or not, so a refusal can say why.
        List<String> keys = new ArrayList<>();
        for (Csv.Row r : parsed.subList(1, parsed.size())) {
            if (r.fields().size() == 2) {
                keys.add(r.fields().get(idAt).strip());
            }
        }
        Map<String, Candidate> named = named(idColumn, keys);
        Map<Long, Integer> seen = new HashMap<>();
        for (Csv.Row r : parsed.subList(1, parsed.size())) {
            if (r.fields().size() != 2) {
                rows.add(refused(r.number(), null, null, List.of(Phrase.of("row-field-count",
                        "has " + r.fields().size() + " fields, the header has 2", "fields", r.fields().size(), "expected", 2))));
                continue;
            }
            String key = r.fields().get(idAt).strip();
            String raw = r.fields().get(figureAt).strip();
            Candidate c = named.get(key);
            List<Phrase> problems = new ArrayList<>();
            Long figure = null;
            try {
                figure = figure(s.basis(), raw);
            } catch (BadFigure e) {
                problems.add(e.phrase);
            }
            if (c == null) {
                problems.add(0, Phrase.of("no-member-with-id", "no member has " + idColumn + " " + (key.isEmpty() ? "(blank)" : key),
                        "column", idColumn, "id", key));
            } else if (!eligible.containsKey(c.id())) {
                List<Phrase> why = whyNot(c, s);
                problems.add(0, Phrase.of("member-not-eligible", "member " + c.id() + " is not eligible: "
                        + String.join(", ", why.stream().map(Phrase::text).toList()), "memberId", c.id()));
                problems.addAll(1, why);
            } else {
                Integer first = seen.putIfAbsent(c.id(), r.number());
                if (first != null) {
                    problems.add(Phrase.of("member-repeated", "member " + c.id() + " is also on row " + first, "memberId", c.id(), "row", first));
                }
            }
            if (problems.isEmpty()) {
                figures.put(c.id(), figure);
                rows.add(new FigureRow(r.number(), c.id(), raw, null, List.of()));
            } else {
                rows.add(refused(r.number(), c == null ? null : c.id(), raw, problems));
            }
        }
    }

    /**
     * A refused row: its English as it has always read (a member's ineligibility in one sentence), its phrases with
     * each reason on its own.
     */
    private static FigureRow refused(int row, Long memberId, String figure, List<Phrase> why) {
        List<Phrase> said = why.stream().filter(p -> !p.code().startsWith("not-eligible-")).toList();
        return new FigureRow(row, memberId, figure, String.join("; ", said.stream().map(Phrase::text).toList()), List.copyOf(why));
    }

    private static List<Phrase> whyNot(Candidate c, Settings s) {
        List<Phrase> why = new ArrayList<>();
        if (c.erased()) {
            why.add(Phrase.of("not-eligible-erased", "their record was erased"));
        }
        if (!"active".equals(c.status())) {
            why.add(Phrase.of("not-eligible-status", "their membership is " + c.status(), "status", c.status()));
        }
        if (!s.constituencyIds().contains(c.constituencyId())) {
            why.add(Phrase.of("not-eligible-constituency", "they are in " + c.constituencyName() + ", which does not share this dividend",
                    "constituency", c.constituencyName()));
        }
        if (c.joinedOn().isAfter(s.recordDate())) {
            why.add(Phrase.of("not-eligible-joined-after", "they joined on " + c.joinedOn() + ", after the record date " + s.recordDate(),
                    "joinedOn", c.joinedOn(), "recordDate", s.recordDate()));
        }
        return why;
    }

    /** hours: hundredths of an hour; pay and trade: pence. At most two decimals, never negative. */
    static long figure(String basis, String raw) {
        String unit = "hours".equals(basis) ? "hours" : "pounds";
        if (raw.isEmpty()) {
            throw new BadFigure(Phrase.of("figure-missing", basis + " is missing", "basis", basis));
        }
        BigDecimal d;
        try {
            d = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw new BadFigure(Phrase.of("figure-not-a-number", basis + " '" + raw + "' is not a number of " + unit + " (like 37.5)",
                    "basis", basis, "value", raw));
        }
        if (d.signum() < 0) {
            throw new BadFigure(Phrase.of("figure-negative", basis + " " + raw + " is negative", "basis", basis, "value", raw));
        }
        if (d.stripTrailingZeros().scale() > 2) {
            throw new BadFigure(Phrase.of("figure-too-precise", basis + " " + raw + " has more than two decimals", "basis", basis, "value", raw));
        }
        BigDecimal hundredths = d.movePointRight(2);
        if (hundredths.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
            throw new BadFigure(Phrase.of("figure-too-large", basis + " " + raw + " is implausibly large", "basis", basis, "value", raw));
        }
        return hundredths.longValueExact();
    }

    /** A figure that cannot be read, with why as a phrase. */
    static final class BadFigure extends IllegalArgumentException {
        final transient Phrase phrase;

        BadFigure(Phrase phrase) {
            super(phrase.text());
            this.phrase = phrase;
        }
    }

    private Map<String, Candidate> named(String idColumn, List<String> keys) {
        Map<String, Candidate> out = new HashMap<>();
        List<Object> ids = new ArrayList<>();
        for (String k : keys) {
            if ("member_id".equals(idColumn)) {
                try {
                    ids.add(Long.parseLong(k));
                } catch (NumberFormatException ignored) {
                    // named as "no member has member_id ..." below
                }
            } else {
                ids.add(k);
            }
        }
        String where = "member_id".equals(idColumn) ? "m.id in :ids" : "m.externalId in :ids";
        for (int i = 0; i < ids.size(); i += 1000) {
            for (Candidate c : candidates(where, Map.of("ids", ids.subList(i, Math.min(ids.size(), i + 1000))))) {
                out.put("member_id".equals(idColumn) ? Long.toString(c.id()) : c.externalId(), c);
            }
        }
        return out;
    }

    private List<Candidate> candidates(String where, Map<String, Object> params) {
        var query = members.getEntityManager().createQuery("""
                select m.id, m.externalId, m.status, m.constituency.id, m.constituency.name, m.joinedOn, m.erasedAt
                from Member m where\s""" + where, Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(r -> new Candidate(((Number) r[0]).longValue(), (String) r[1],
                r[2] instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(r[2]), ((Number) r[3]).longValue(),
                (String) r[4], (LocalDate) r[5], r[6] != null)).toList();
    }

    private static List<Csv.Row> parse(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body, start, body.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.unprocessable("The file is not UTF-8 text; save it as UTF-8 CSV").coded("figures-not-utf-8");
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(text);
        } catch (Csv.MalformedCsv e) {
            throw ProblemException.unprocessable("Row " + e.row + " is not valid CSV: " + e.getMessage(),
                    List.of(new FieldError("row " + e.row, e.getMessage(), e.code))).coded("csv-malformed", "row", e.row);
        }
        if (rows.size() < 2) {
            throw ProblemException.unprocessable("The file needs a header row and at least one row of figures").coded("figures-empty");
        }
        return rows;
    }

    /**
     * SHA-256 over "mutualvote-dividend-v1", the contest, pot, pot pence, basis, record date and
     * constituencies, then "member_id,figure" for every eligible member in id order, one per line.
     */
    static String digest(Settings s, Map<Long, Long> figures) {
        StringBuilder sb = new StringBuilder("mutualvote-dividend-v1\n").append(s.contest().id).append('\n').append(s.pot()).append('\n')
                .append(s.potPence()).append('\n').append(s.basis()).append('\n').append(s.recordDate()).append('\n')
                .append(s.constituencyIds().stream().map(String::valueOf).collect(Collectors.joining(","))).append('\n');
        figures.forEach((id, f) -> sb.append(id).append(',').append(f).append('\n'));
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long seed(String hexDigest) {
        return new BigInteger(hexDigest.substring(0, 16), 16).longValue() & Long.MAX_VALUE;
    }

    // --- what members and the payroll see ---

    /** The caller's own shares, each with how it was worked out. */
    @Transactional
    public List<MyDividend> mine(String subject) {
        Member m = members.findBySubject(subject).orElse(null);
        if (m == null) {
            return List.of();
        }
        List<MyDividend> out = new ArrayList<>();
        for (Object[] row : surplus.sharesOf(m.id)) {
            out.add(view((DividendShare) row[0], (Dividend) row[1]));
        }
        return out;
    }

    /** One member's share: the member themself, an admin or a scrutineer may read it; anyone else gets 403. */
    @Transactional
    public MyDividend one(long contestId, int pot, long memberId, String subject, boolean official) {
        if (!official) {
            Member me = members.findBySubject(subject).orElse(null);
            if (me == null || me.id != memberId) {
                throw ProblemException.forbidden("You may see only your own dividend");
            }
        }
        Dividend d = surplus.dividend(contestId, pot).orElseThrow(() -> ProblemException.notFound("A dividend of pot " + pot + " of surplus vote " + contestId));
        DividendShare s = surplus.share(d.id, memberId).orElseThrow(() -> ProblemException.notFound("A share for member " + memberId + " in this dividend"));
        return view(s, d);
    }

    private MyDividend view(DividendShare s, Dividend d) {
        Contest c = contests.findById(d.contestId);
        Question q = service.question(surplus.findById(d.contestId));
        String unit = unit(d.basis);
        Fraction exact = Fraction.of(d.potPence).times(Fraction.of(s.figure, d.totalFigure));
        String exactPence = new BigDecimal(exact.num()).divide(new BigDecimal(exact.den()), 4, java.math.RoundingMode.DOWN).toPlainString();
        String seed = Long.toString(d.seed);
        List<Phrase> steps = List.of(
                Phrase.of("dividend-workings-pot", "The pot of " + Pence.pounds(d.potPence) + " is shared in proportion to " + describe(d.basis) + ".",
                        "potPence", d.potPence, "basis", d.basis),
                Phrase.of("dividend-workings-yours", "Yours: " + amount(d.basis, s.figure) + " of " + amount(d.basis, d.totalFigure) + " in all, so "
                        + Pence.pounds(d.potPence) + " x " + amount(d.basis, s.figure) + " / " + amount(d.basis, d.totalFigure) + " = " + exactPence + "p,",
                        "basis", d.basis, "figure", s.figure, "totalFigure", d.totalFigure, "potPence", d.potPence, "exactPence", exactPence),
                Phrase.of("dividend-workings-rounded", "which becomes whole pence by largest remainder (ties by the published seed " + seed + "): "
                        + Pence.pounds(s.pence) + ".", "seed", seed, "pence", s.pence));
        String workings = String.join(" ", steps.stream().map(Phrase::text).toList());
        return new MyDividend(d.contestId, c.title, d.potPosition, q.pots().get(d.potPosition - 1).name(), d.basis, d.recordDate, d.potPence,
                Pence.pounds(d.potPence), s.figure, d.totalFigure, unit, s.pence, Pence.pounds(s.pence), seed, d.inputsDigest,
                workings, steps);
    }

    private static String unit(String basis) {
        return switch (basis) {
            case "hours" -> "hundredths of an hour";
            case "pay", "trade" -> "pence";
            case "membership" -> "days";
            default -> "shares";
        };
    }

    private static String describe(String basis) {
        return switch (basis) {
            case "hours" -> "hours worked";
            case "pay" -> "pay";
            case "trade" -> "trade with the society";
            case "membership" -> "days of membership up to the record date";
            default -> "equal shares, one each";
        };
    }

    private static String amount(String basis, long figure) {
        return switch (basis) {
            case "hours" -> BigDecimal.valueOf(figure, 2).toPlainString() + " hours";
            case "pay", "trade" -> Pence.pounds(figure);
            case "membership" -> figure + " days";
            default -> figure + (figure == 1 ? " share" : " shares");
        };
    }

    /** The payroll export: one row per member, pence and pounds, in member id order. */
    @Transactional
    public String payroll(long contestId, int pot) {
        Dividend d = surplus.dividend(contestId, pot).orElseThrow(() -> ProblemException.notFound("A dividend of pot " + pot + " of surplus vote " + contestId));
        Map<Long, Member> byId = new HashMap<>();
        List<DividendShare> shares = surplus.shares(d.id);
        List<Long> ids = shares.stream().map(x -> x.memberId).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            members.list("id in ?1", ids.subList(i, Math.min(ids.size(), i + 1000))).forEach(m -> byId.put(m.id, m));
        }
        StringBuilder sb = new StringBuilder("member_id,external_id,name,email,basis,figure,pence,amount\r\n");
        for (DividendShare s : shares) {
            Member m = byId.get(s.memberId);
            sb.append(s.memberId).append(',').append(Csv.escape(m.externalId == null ? "" : m.externalId)).append(',')
                    .append(Csv.escape(m.name == null ? "" : m.name)).append(',').append(Csv.escape(m.email == null ? "" : m.email)).append(',')
                    .append(d.basis).append(',').append(s.figure).append(',').append(s.pence).append(',')
                    .append(BigDecimal.valueOf(s.pence, 2).toPlainString()).append("\r\n");
        }
        return sb.toString();
    }
}
