package org.mutualvote.surplus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;

/**
 * Checks one split of the surplus, as a member's ballot or a board's proposal: one whole percent per pot,
 * in pot order, none negative, summing to exactly 100, and keeping every rule-book limit. Every fault
 * is named; nothing is rounded or guessed.
 */
public final class Splits {

    private Splits() {
    }

    /** One fault: which field (for example {@code percents[2]}) and what is wrong, as a phrase. */
    public record Fault(String field, Phrase phrase) {

        public String message() {
            return phrase.text();
        }

        public FieldError error() {
            return phrase.at(field);
        }
    }

    /** The split as whole percents, or every fault found. */
    public sealed interface Checked {
    }

    public record Valid(int[] percents) implements Checked {
    }

    public record Invalid(List<Fault> faults) implements Checked {
    }

    public static Checked check(String field, List<? extends Number> raw, List<String> potNames, List<PotKind> kinds, Limits limits) {
        List<Fault> faults = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return new Invalid(List.of(new Fault(field, Phrase.of("split-percents-needed",
                    "give one whole percent for each of the " + potNames.size() + " pots", "pots", potNames.size()))));
        }
        if (raw.size() != potNames.size()) {
            faults.add(new Fault(field, Phrase.of("split-percents-count", raw.size() + " percents for " + potNames.size()
                    + " pots: give one for each pot, in order (" + String.join(", ", potNames) + ")",
                    "given", raw.size(), "pots", potNames.size(), "names", String.join(", ", potNames))));
        }
        int n = Math.min(raw.size(), potNames.size());
        int[] percents = new int[raw.size()];
        long sum = 0;
        for (int i = 0; i < raw.size(); i++) {
            String at = field + "[" + i + "]";
            // A percent past the last pot has no pot to name; the count fault above already says so.
            String potName = i < n ? potNames.get(i) : null;
            String pot = potName == null ? "" : " (" + potName + ")";
            Number v = raw.get(i);
            if (v == null) {
                faults.add(new Fault(at, Phrase.of("percent-missing", "missing: give a whole percent" + pot, "pot", potName)));
                continue;
            }
            BigDecimal d = new BigDecimal(v.toString());
            if (d.stripTrailingZeros().scale() > 0) {
                faults.add(new Fault(at, Phrase.of("percent-not-whole", d.toPlainString() + " is not a whole percent" + pot
                        + "; percents are whole numbers", "value", d.toPlainString(), "pot", potName)));
                continue;
            }
            if (d.signum() < 0) {
                faults.add(new Fault(at, Phrase.of("percent-negative", d.toPlainString() + "% is negative" + pot + "; a pot gets 0% or more",
                        "value", d.toPlainString(), "pot", potName)));
                continue;
            }
            if (d.compareTo(BigDecimal.valueOf(100)) > 0) {
                faults.add(new Fault(at, Phrase.of("percent-over-whole", d.toPlainString() + "% is more than the whole surplus" + pot,
                        "value", d.toPlainString(), "pot", potName)));
                continue;
            }
            percents[i] = d.intValueExact();
            sum += percents[i];
        }
        if (faults.isEmpty() && sum != 100) {
            String text = "the percents add up to " + sum + "; they must add up to exactly 100"
                    + (sum < 100 ? " (" + (100 - sum) + " left to share)" : " (" + (sum - 100) + " too many)");
            faults.add(new Fault(field, sum < 100 ? Phrase.of("percents-short-of-100", text, "sum", sum, "left", 100 - sum)
                    : Phrase.of("percents-over-100", text, "sum", sum, "over", sum - 100)));
        }
        if (faults.isEmpty()) {
            for (Limits.Breach b : limits.check(kinds, shares(percents))) {
                faults.add(new Fault(field, b.phrase().prefixed("breaks the limit " + b.limit() + ": ")));
            }
        }
        return faults.isEmpty() ? new Valid(percents) : new Invalid(faults);
    }

    /**
     * Numbers as sent, as whole numbers for the ballot row; a fraction is a fault (never rounded),
     * the other checks are {@link #check}'s.
     */
    public static List<Fault> wholeNumbers(String field, List<BigDecimal> raw, List<Long> out) {
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            BigDecimal d = raw.get(i);
            String at = field + "[" + i + "]";
            if (d == null) {
                faults.add(new Fault(at, Phrase.of("percent-missing", "missing: give a whole percent")));
            } else if (d.stripTrailingZeros().scale() > 0) {
                faults.add(new Fault(at, Phrase.of("percent-not-whole", d.toPlainString() + " is not a whole percent; percents are whole numbers",
                        "value", d.toPlainString())));
            } else if (d.abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
                faults.add(new Fault(at, Phrase.of("percent-over-whole", d.toPlainString() + "% is more than the whole surplus",
                        "value", d.toPlainString())));
            } else {
                out.add(d.longValueExact());
            }
        }
        return faults;
    }

    /** Whole percents as exact shares of the surplus. */
    public static Fraction[] shares(int[] percents) {
        Fraction[] s = new Fraction[percents.length];
        for (int i = 0; i < percents.length; i++) {
            s[i] = Fraction.of(percents[i], 100);
        }
        return s;
    }
}
