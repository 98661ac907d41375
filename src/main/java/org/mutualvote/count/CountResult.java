package org.mutualvote.count;

import java.util.List;

/**
 * The outcome of a count: the elected in order of election, every stage, the quota (scaled, the last
 * one for Meek) and the seed any lot was drawn from.
 */
public record CountResult(Rule rule, int seats, long seed, List<Integer> elected, List<Stage> stages, long quota, long scale) {

    CountResult withSeed(long s) {
        return new CountResult(rule, seats, s, elected, stages, quota, scale);
    }

    /** {@code {"rule","seats","seed","quota","elected":[names],"stages":[...]}}, numbers as decimal strings. */
    public String toJson(Election e) {
        StringBuilder sb = new StringBuilder(256 + stages.size() * 64 * (e.candidates().size() + 4));
        sb.append("{\"rule\":").append(str(rule.key())).append(",\"seats\":").append(seats)
                .append(",\"seed\":").append(seed).append(",\"quota\":").append(str(fmt(quota)))
                .append(",\"candidates\":[");
        for (int c = 0; c < e.candidates().size(); c++) {
            sb.append(c == 0 ? "" : ",").append(str(e.candidates().get(c)));
        }
        sb.append("],\"elected\":").append(names(e, elected)).append(",\"stages\":[");
        long[] previous = null;
        for (int s = 0; s < stages.size(); s++) {
            Stage st = stages.get(s);
            sb.append(s == 0 ? "" : ",").append("{\"stage\":").append(st.number()).append(",\"action\":").append(str(st.action()))
                    .append(",\"votes\":{");
            for (int c = 0; c < st.votes().length; c++) {
                sb.append(c == 0 ? "" : ",").append(str(e.candidates().get(c))).append(':').append(str(fmt(st.votes()[c])));
            }
            sb.append("},\"transfers\":{");
            for (int c = 0; c < st.votes().length; c++) {
                long change = previous == null ? st.votes()[c] : st.votes()[c] - previous[c];
                sb.append(c == 0 ? "" : ",").append(str(e.candidates().get(c))).append(':').append(str(fmt(change)));
            }
            sb.append("},\"nonTransferable\":").append(str(fmt(st.nonTransferable())))
                    .append(",\"loss\":").append(str(fmt(st.loss())))
                    .append(",\"elected\":").append(names(e, st.elected()))
                    .append(",\"excluded\":").append(names(e, st.excluded()))
                    .append(",\"note\":").append(st.note() == null ? "null" : str(st.note())).append('}');
            previous = st.votes();
        }
        return sb.append("]}").toString();
    }

    /** A count sheet a person reads: one row per candidate, one column per stage, as official sheets do. */
    public String toText(Election e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.title() == null ? "" : e.title()).append('\n');
        sb.append("Rule: ").append(rule.key()).append("   Seats: ").append(seats).append("   Quota: ").append(fmt(quota))
                .append("   Seed: ").append(seed).append("\n\n");
        int width = 12;
        int nameWidth = 10;
        for (String name : e.candidates()) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        for (int from = 0; from < stages.size(); from += 6) {
            int to = Math.min(stages.size(), from + 6);
            sb.append(pad("Stage", nameWidth));
            for (int s = from; s < to; s++) {
                sb.append(left(Integer.toString(stages.get(s).number()), width));
            }
            sb.append('\n');
            for (int c = 0; c < e.candidates().size(); c++) {
                sb.append(pad(e.candidates().get(c), nameWidth));
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
                sb.append(". Elected: ").append(String.join(", ", st.elected().stream().map(e.candidates()::get).toList()));
            }
            if (!st.excluded().isEmpty()) {
                sb.append(". Excluded: ").append(String.join(", ", st.excluded().stream().map(e.candidates()::get).toList()));
            }
            if (st.note() != null) {
                sb.append(" (").append(st.note()).append(')');
            }
            sb.append('\n');
        }
        sb.append("\nElected in order: ").append(String.join(", ", elected.stream().map(e.candidates()::get).toList()))
                .append("\n(* elected, x excluded at that stage)\n");
        return sb.toString();
    }

    private String fmt(long scaled) {
        return Decimal.format(scaled, Long.toString(scale).length() - 1);
    }

    private static String names(Election e, List<Integer> cs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < cs.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(str(e.candidates().get(cs.get(i))));
        }
        return sb.append(']').toString();
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s + " " : s + " ".repeat(w - s.length() + 1);
    }

    private static String left(String s, int w) {
        return s.length() >= w ? s + " " : " ".repeat(w - s.length()) + s;
    }
}
