package org.mutualvote.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a count: the elected in order of election, every stage, the quota (scaled, the last
 * one for Meek) and the seed any lot was drawn from, with the title and candidates' names so that it
 * prints by itself. It is the one shape of a result: {@link #toJson} writes the report that is stored
 * and published, {@link #fromJson} reads it back, {@link #toText} prints the count sheet.
 */
public record CountResult(Rule rule, String title, int seats, long seed, long quota, List<String> candidates,
        List<Integer> elected, List<Stage> stages) {

    CountResult withSeed(long s) {
        return new CountResult(rule, title, seats, s, quota, candidates, elected, stages);
    }

    /**
     * No poll: as many candidates stand as there are seats (or fewer), and every one not withdrawn is
     * declared elected, in ballot order, with no stages and no lot.
     */
    public static CountResult uncontested(Profile p, Rule rule) {
        List<Integer> elected = new ArrayList<>();
        for (int c = 0; c < p.candidates().size(); c++) {
            if (!p.withdrawn().contains(c)) {
                elected.add(c);
            }
        }
        return new CountResult(rule, p.title(), p.seats(), 0, 0, List.copyOf(p.candidates()), List.copyOf(elected), List.of());
    }

    /** The names of the elected, in order of election. */
    public List<String> electedNames() {
        return elected.stream().map(candidates::get).toList();
    }

    /**
     * {@code {"rule","seats","seed","quota","title","candidates","elected":[names],"stages":[...]}}, numbers
     * as decimal strings.
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder(256 + stages.size() * 64 * (candidates.size() + 4));
        sb.append("{\"rule\":").append(str(rule.key())).append(",\"seats\":").append(seats)
                .append(",\"seed\":").append(seed).append(",\"quota\":").append(str(fmt(quota)))
                .append(",\"title\":").append(str(title == null ? "" : title))
                .append(",\"candidates\":[");
        for (int c = 0; c < candidates.size(); c++) {
            sb.append(c == 0 ? "" : ",").append(str(candidates.get(c)));
        }
        sb.append("],\"elected\":").append(names(elected)).append(",\"stages\":[");
        long[] previous = null;
        for (int s = 0; s < stages.size(); s++) {
            Stage st = stages.get(s);
            sb.append(s == 0 ? "" : ",").append("{\"stage\":").append(st.number()).append(",\"action\":").append(str(st.action()))
                    .append(",\"votes\":{");
            for (int c = 0; c < st.votes().length; c++) {
                sb.append(c == 0 ? "" : ",").append(str(candidates.get(c))).append(':').append(str(fmt(st.votes()[c])));
            }
            sb.append("},\"transfers\":{");
            for (int c = 0; c < st.votes().length; c++) {
                long change = previous == null ? st.votes()[c] : st.votes()[c] - previous[c];
                sb.append(c == 0 ? "" : ",").append(str(candidates.get(c))).append(':').append(str(fmt(change)));
            }
            sb.append("},\"nonTransferable\":").append(str(fmt(st.nonTransferable())))
                    .append(",\"loss\":").append(str(fmt(st.loss())))
                    .append(",\"elected\":").append(names(st.elected()))
                    .append(",\"excluded\":").append(names(st.excluded()))
                    .append(",\"note\":").append(st.note() == null ? "null" : str(st.note())).append('}');
            previous = st.votes();
        }
        return sb.append("]}").toString();
    }

    /**
     * Reads back what {@link #toJson} wrote (the stored report of a count, or a recount's JSON): the same
     * result, so {@code fromJson(r.toJson()).toJson()} is {@code r.toJson()}. Stage votes are read by
     * position, in candidate order, as they were written.
     */
    @SuppressWarnings("unchecked")
    public static CountResult fromJson(String json) {
        Map<String, Object> m = (Map<String, Object>) Json.parse(json);
        Rule rule = Rule.parse((String) m.get("rule"));
        int places = rule.places();
        List<String> candidates = ((List<Object>) m.get("candidates")).stream().map(String.class::cast).toList();
        List<Stage> stages = new ArrayList<>();
        for (Object o : (List<Object>) m.get("stages")) {
            Map<String, Object> st = (Map<String, Object>) o;
            long[] votes = ((Map<String, Object>) st.get("votes")).values().stream()
                    .mapToLong(v -> Decimal.parse((String) v, places)).toArray();
            stages.add(new Stage(((Long) st.get("stage")).intValue(), (String) st.get("action"), votes,
                    Decimal.parse((String) st.get("nonTransferable"), places), Decimal.parse((String) st.get("loss"), places),
                    indices(st.get("elected"), candidates), indices(st.get("excluded"), candidates), (String) st.get("note")));
        }
        return new CountResult(rule, (String) m.get("title"), ((Long) m.get("seats")).intValue(), (Long) m.get("seed"),
                Decimal.parse((String) m.get("quota"), places), candidates, indices(m.get("elected"), candidates), List.copyOf(stages));
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> indices(Object names, List<String> candidates) {
        return ((List<Object>) names).stream().map(n -> candidates.indexOf((String) n)).toList();
    }

    /** A count sheet a person reads: one row per candidate, one column per stage, as official sheets do. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(title == null ? "" : title).append('\n');
        sb.append("Rule: ").append(rule.key()).append("   Seats: ").append(seats).append("   Quota: ").append(fmt(quota))
                .append("   Seed: ").append(seed).append("\n\n");
        int width = 12;
        int nameWidth = 10;
        for (String name : candidates) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        for (int from = 0; from < stages.size(); from += 6) {
            int to = Math.min(stages.size(), from + 6);
            sb.append(pad("Stage", nameWidth));
            for (int s = from; s < to; s++) {
                sb.append(left(Integer.toString(stages.get(s).number()), width));
            }
            sb.append('\n');
            for (int c = 0; c < candidates.size(); c++) {
                sb.append(pad(candidates.get(c), nameWidth));
                for (int s = from; s < to; s++) {
                    Stage st = stages.get(s);
                    String mark = st.elected().contains(c) ? "*" : st.excluded().contains(c) ? "x" : " ";
                    sb.append(left(fmt(st.votes()[c]) + mark, width));
                }
                sb.append('\n');
            }
            sb.append(pad("Non-transf.", nameWidth));
            for (int s = from; s < to; s++) {
                sb.append(left(fmt(stages.get(s).nonTransferable()) + " ", width));
            }
            sb.append('\n').append(pad("Loss", nameWidth));
            for (int s = from; s < to; s++) {
                sb.append(left(fmt(stages.get(s).loss()) + " ", width));
            }
            sb.append("\n\n");
        }
        for (Stage st : stages) {
            sb.append("Stage ").append(st.number()).append(": ").append(st.action());
            if (!st.elected().isEmpty()) {
                sb.append(". Elected: ").append(String.join(", ", st.elected().stream().map(candidates::get).toList()));
            }
            if (!st.excluded().isEmpty()) {
                sb.append(". Excluded: ").append(String.join(", ", st.excluded().stream().map(candidates::get).toList()));
            }
            if (st.note() != null) {
                sb.append(" (").append(st.note()).append(')');
            }
            sb.append('\n');
        }
        sb.append("\nElected in order: ").append(String.join(", ", elected.stream().map(candidates::get).toList()))
                .append("\n(* elected, x excluded at that stage)\n");
        return sb.toString();
    }

    private String fmt(long scaled) {
        return Decimal.format(scaled, rule.places());
    }

    /** A number of this result (a stage's votes, the quota) as the exact decimal the count sheet prints. */
    public String format(long scaled) {
        return fmt(scaled);
    }

    private String names(List<Integer> cs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < cs.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(str(candidates.get(cs.get(i))));
        }
        return sb.append(']').toString();
    }

    private static String str(String s) {
        return Json.quote(s);
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s + " " : s + " ".repeat(w - s.length() + 1);
    }

    private static String left(String s, int w) {
        return s.length() >= w ? s + " " : " ".repeat(w - s.length()) + s;
    }
}
