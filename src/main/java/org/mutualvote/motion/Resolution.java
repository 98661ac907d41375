package org.mutualvote.motion;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a motion is decided: the rules of co-operatives and mutuals (DESIGN.md, Motion), as pure JDK
 * code so that the service and the command-line recount decide alike and plain tests reach every edge.
 *
 * <p>All arithmetic is exact: shares are fractions of {@link BigInteger}s, compared by cross
 * multiplication; nothing is a double. Percentages appear only in words, to one decimal place, and
 * are rounded towards the side of the decision (down when a motion is lost, up when it is carried),
 * so the words never contradict the outcome: a motion with 74.99% for and 75% needed is "lost: 74.9% for".
 */
public final class Resolution {

    private Resolution() {
    }

    /** A share needed: "more than" (strict) or "at least" a fraction. */
    public record Threshold(long numerator, long denominator, boolean atLeast) {
        public static final Threshold ORDINARY = new Threshold(1, 2, false);
        public static final Threshold SPECIAL = new Threshold(3, 4, true);
        public static final Threshold UNANIMOUS = new Threshold(1, 1, true);

        public Threshold {
            if (denominator <= 0 || numerator <= 0 || numerator > denominator || (!atLeast && numerator == denominator)) {
                throw new IllegalArgumentException("a threshold is a fraction above 0 and at most 1 (\"more than 1/1\" cannot be met): "
                        + numerator + "/" + denominator);
            }
        }

        Q fraction() {
            return Q.of(numerator, denominator);
        }

        boolean metBy(Q share) {
            int c = share.compareTo(fraction());
            return atLeast ? c >= 0 : c > 0;
        }

        /** The threshold's name for clients: "ordinary", "special", "unanimous", or "at-least 2/3", "more-than 3/5". */
        public String key() {
            if (numerator * 2 == denominator && !atLeast) {
                return "ordinary";
            }
            if (numerator * 4 == denominator * 3 && atLeast) {
                return "special";
            }
            if (numerator == denominator) {
                return "unanimous";
            }
            return (atLeast ? "at-least " : "more-than ") + numerator + "/" + denominator;
        }

        /** "more than 50%", "at least 75%", "all (100%)", "at least 2/3 (66.7%)". */
        public String words() {
            if (numerator == denominator) {
                return "all (100%)";
            }
            return (atLeast ? "at least " : "more than ") + fraction().named();
        }
    }

    /** What the share for is a share of. */
    public enum Denominator {
        /** Votes for and against: a vote withheld is not a vote in law. */
        FOR_AGAINST("of votes for and against", "no votes for or against"),
        /** All valid ballots, so a vote withheld counts as not for. */
        VALID_BALLOTS("of all valid ballots", "no valid ballots"),
        /** All members on the roll: a written resolution. */
        ROLL("of all members on the roll", "nobody on the roll");

        private final String words;
        private final String none;

        Denominator(String words, String none) {
            this.words = words;
            this.none = none;
        }

        public String words() {
            return words;
        }

        /** The denominator's name for clients: "for-against", "valid-ballots", "roll". */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        long of(Count c) {
            return switch (this) {
                case FOR_AGAINST -> c.forVotes() + c.against();
                case VALID_BALLOTS -> c.ballots();
                case ROLL -> c.roll();
            };
        }
    }

    /**
     * Members who must take part (ballots, those cast by proxy included): at least {@code members}, and
     * at least {@code shareNumerator/shareDenominator} of the roll; either may be absent (null or 0).
     */
    public record Quorum(Long members, Long shareNumerator, Long shareDenominator) {
        public Quorum {
            if (members != null && members < 0) {
                throw new IllegalArgumentException("a quorum of members is not negative");
            }
            if ((shareNumerator == null) != (shareDenominator == null)
                    || (shareDenominator != null && (shareDenominator <= 0 || shareNumerator < 0 || shareNumerator > shareDenominator))) {
                throw new IllegalArgumentException("a quorum share is a fraction from 0 to 1");
            }
        }

        /** How many ballots meet it on a roll of this size (the larger of the number and the share, rounded up). */
        public long needed(long roll) {
            long bySize = members == null ? 0 : members;
            long byShare = shareDenominator == null ? 0
                    : (roll * shareNumerator + shareDenominator - 1) / shareDenominator;
            return Math.max(bySize, byShare);
        }
    }

    /** A constituency's weight: a fixed share of the vote, or a cap on its share. */
    public record ClassWeight(String constituency, long numerator, long denominator, boolean cap) {
        public ClassWeight {
            if (denominator <= 0 || numerator < 0 || numerator > denominator) {
                throw new IllegalArgumentException("a class weight is a fraction from 0 to 1");
            }
        }
    }

    /**
     * The rule that decides one motion. {@code consent}: constituencies that must each reach the
     * threshold on their own; {@code weights}: either fixed shares for every constituency or caps for some.
     */
    public record Rule(Threshold threshold, Denominator denominator, Quorum quorum, List<String> consent, List<ClassWeight> weights) {
        public Rule {
            consent = consent == null ? List.of() : List.copyOf(consent);
            weights = weights == null ? List.of() : List.copyOf(weights);
            if (weights.stream().map(ClassWeight::cap).distinct().count() > 1) {
                throw new IllegalArgumentException("weights are either all fixed shares or all caps");
            }
        }

        public static Rule simple(Threshold threshold, Denominator denominator) {
            return new Rule(threshold, denominator, null, List.of(), List.of());
        }

        boolean fixedShares() {
            return !weights.isEmpty() && !weights.get(0).cap();
        }

        /** The rule in words, as the ballot and the result print it. */
        public String words() {
            StringBuilder sb = new StringBuilder(threshold.words()).append(' ').append(denominator.words());
            if (quorum != null) {
                sb.append("; quorum ").append(quorumWords(quorum));
            }
            if (!consent.isEmpty()) {
                sb.append("; also ").append(threshold.words()).append(" in each of ").append(String.join(", ", consent));
            }
            if (!weights.isEmpty()) {
                sb.append("; weighted: ");
                List<String> parts = new ArrayList<>();
                for (ClassWeight w : weights) {
                    parts.add(w.constituency() + (w.cap() ? " at most " : " ") + Q.of(w.numerator(), w.denominator()).named());
                }
                sb.append(String.join(", ", parts));
            }
            return sb.toString();
        }
    }

    /** One constituency's answers to one motion, and its roll. {@code ballots} = for + against + withheld. */
    public record Count(String constituency, long roll, long forVotes, long against, long withheld) {
        public Count {
            if (roll < 0 || forVotes < 0 || against < 0 || withheld < 0) {
                throw new IllegalArgumentException("counts are not negative");
            }
        }

        public long ballots() {
            return forVotes + against + withheld;
        }
    }

    /** One constituency's part in a result: its own share for, its weight, and (where named) its consent. */
    public record ClassResult(String constituency, long roll, long forVotes, long against, long withheld,
            String forPercent, String weightPercent, Boolean consentMet) {
    }

    /**
     * A decided motion. Percentages are strings with one decimal place; {@code weightedForPercent} is
     * null unless the rule weights classes. {@code reason} starts with "carried" or "lost".
     */
    public record Outcome(boolean carried, String reason, String rule, long forVotes, long against, long withheld,
            long ballots, long roll, long quorumNeeded, boolean quorumMet, String forPercent,
            String weightedForPercent, String weightedAgainstPercent, List<ClassResult> classes) {
    }

    /**
     * The same decision as {@link Outcome#reason()}, said as a stable {@code code} ("carried", "lost", "lost-quorum",
     * "lost-no-votes", "lost-tie", "lost-in-class") and the values its sentence names, so that a client can say it in
     * its reader's language. Kept out of {@link Outcome}: the outcome is stored, hashed into the audit chain and compared
     * by recounts, and must stay as it was published.
     */
    public record Verdict(boolean carried, String code, Map<String, Object> params) {
    }

    private record Decision(Outcome outcome, Verdict verdict) {
    }

    /** Decides one motion from its counts per constituency (every constituency it was put to, even with no ballots). */
    public static Outcome decide(Rule rule, List<Count> byClass) {
        return decision(rule, byClass).outcome();
    }

    /** The verdict of {@link #decide}, for clients that say it in their reader's words. */
    public static Verdict verdict(Rule rule, List<Count> byClass) {
        return decision(rule, byClass).verdict();
    }

    private static Decision decision(Rule rule, List<Count> byClass) {
        long forVotes = 0;
        long against = 0;
        long withheld = 0;
        long roll = 0;
        for (Count c : byClass) {
            forVotes += c.forVotes();
            against += c.against();
            withheld += c.withheld();
            roll += c.roll();
        }
        Count total = new Count("all", roll, forVotes, against, withheld);
        long ballots = total.ballots();
        long quorumNeeded = rule.quorum() == null ? 0 : rule.quorum().needed(roll);
        boolean quorumMet = ballots >= quorumNeeded;

        Map<String, Q> shares = rule.weights().isEmpty() ? Map.of() : shares(rule, byClass);
        Q forShare;
        Q againstShare;
        boolean anyVotes;
        if (shares.isEmpty()) {
            long d = rule.denominator().of(total);
            anyVotes = d > 0;
            forShare = anyVotes ? Q.of(forVotes, d) : Q.ZERO;
            againstShare = anyVotes ? Q.of(against, d) : Q.ZERO;
        } else {
            // Each class's own shares for and against, scaled by its weight, over the weights of classes that voted.
            Q weightSum = Q.ZERO;
            forShare = Q.ZERO;
            againstShare = Q.ZERO;
            for (Count c : byClass) {
                long d = rule.denominator().of(c);
                Q s = shares.getOrDefault(c.constituency(), Q.ZERO);
                if (d == 0 || s.signum() == 0) {
                    continue;
                }
                weightSum = weightSum.plus(s);
                forShare = forShare.plus(s.times(Q.of(c.forVotes(), d)));
                againstShare = againstShare.plus(s.times(Q.of(c.against(), d)));
            }
            anyVotes = weightSum.signum() > 0;
            if (anyVotes) {
                forShare = forShare.over(weightSum);
                againstShare = againstShare.over(weightSum);
            }
        }

        Threshold t = rule.threshold();
        List<ClassResult> classes = new ArrayList<>();
        String failedClass = null;
        String failedClassName = null;
        String failedClassPercent = null;
        Set<String> consent = new HashSet<>(rule.consent());
        for (Count c : byClass) {
            long d = rule.denominator().of(c);
            Q own = d == 0 ? Q.ZERO : Q.of(c.forVotes(), d);
            Boolean met = null;
            if (consent.contains(c.constituency())) {
                met = d > 0 && t.metBy(own) && c.forVotes() != c.against();
                if (!met && failedClass == null) {
                    failedClassName = c.constituency();
                    failedClassPercent = d == 0 ? null : own.percent(RoundingMode.DOWN);
                    failedClass = c.constituency() + (d == 0 ? ": " + rule.denominator().none
                            : ": " + own.percent(RoundingMode.DOWN) + "% for");
                }
            }
            Q weight = shares.get(c.constituency());
            classes.add(new ClassResult(c.constituency(), c.roll(), c.forVotes(), c.against(), c.withheld(),
                    d == 0 ? null : own.percent(RoundingMode.HALF_UP), weight == null ? null : weight.percent(RoundingMode.HALF_UP),
                    met));
        }

        boolean carried;
        String reason;
        String figure = shares.isEmpty() ? "" : " weighted";
        boolean weighted = !shares.isEmpty();
        Map<String, Object> said = new LinkedHashMap<>();
        String code;
        if (!quorumMet) {
            carried = false;
            reason = "lost: quorum not met: " + ballots + " of " + roll + " members took part, " + quorumNeeded + " needed";
            code = "lost-quorum";
            said.put("ballots", ballots);
            said.put("roll", roll);
            said.put("needed", quorumNeeded);
        } else if (!anyVotes) {
            carried = false;
            reason = "lost: " + rule.denominator().none;
            code = "lost-no-votes";
            said.put("denominator", rule.denominator().key());
        } else if (forShare.compareTo(againstShare) == 0) {
            carried = false;
            reason = "lost: a tie, " + (shares.isEmpty() ? forVotes + " for and " + against + " against"
                    : forShare.percent(RoundingMode.HALF_UP) + "% for and against weighted") + "; there is no casting vote";
            code = "lost-tie";
            said.put("weighted", weighted);
            if (weighted) {
                said.put("percent", forShare.percent(RoundingMode.HALF_UP));
            } else {
                said.put("for", forVotes);
                said.put("against", against);
            }
        } else if (!t.metBy(forShare)) {
            carried = false;
            reason = "lost: " + forShare.percent(RoundingMode.DOWN) + "%" + figure + " for, " + t.words() + " needed";
            code = "lost";
            said.put("percent", forShare.percent(RoundingMode.DOWN));
        } else if (failedClass != null) {
            carried = false;
            reason = "lost: " + forShare.percent(RoundingMode.HALF_UP) + "%" + figure + " for overall, but not in " + failedClass + ", "
                    + t.words() + " needed in each class";
            code = "lost-in-class";
            said.put("percent", forShare.percent(RoundingMode.HALF_UP));
            said.put("constituency", failedClassName);
            if (failedClassPercent != null) {
                said.put("classPercent", failedClassPercent);
            }
        } else {
            carried = true;
            reason = "carried: " + forShare.percent(RoundingMode.UP) + "%" + figure + " for, " + t.words() + " needed";
            code = "carried";
            said.put("percent", forShare.percent(RoundingMode.UP));
        }
        if (code.equals("carried") || code.equals("lost") || code.equals("lost-in-class")) {
            said.put("weighted", weighted);
            said.put("threshold", t.key());
            said.put("thresholdPercent", t.fraction().percent(RoundingMode.HALF_UP));
        }
        Verdict verdict = new Verdict(carried, code, Collections.unmodifiableMap(said));
        long d = rule.denominator().of(total);
        return new Decision(new Outcome(carried, reason, rule.words(), forVotes, against, withheld, ballots, roll, quorumNeeded, quorumMet,
                d == 0 ? null : Q.of(forVotes, d).percent(RoundingMode.HALF_UP),
                shares.isEmpty() || !anyVotes ? null : forShare.percent(RoundingMode.HALF_UP),
                shares.isEmpty() || !anyVotes ? null : againstShare.percent(RoundingMode.HALF_UP), List.copyOf(classes)), verdict);
    }

    /**
     * Each class's weight. Fixed shares are as stated. Caps: a class's weight is its part of the
     * denominator (its votes for and against, its ballots or its roll) unless that is above its cap; a
     * class over its cap is held at the cap, and the others share what is left in proportion to their
     * size; repeated until no class is over its cap.
     */
    static Map<String, Q> shares(Rule rule, List<Count> byClass) {
        Map<String, Q> out = new HashMap<>();
        if (rule.fixedShares()) {
            for (ClassWeight w : rule.weights()) {
                out.put(w.constituency(), Q.of(w.numerator(), w.denominator()));
            }
            return out;
        }
        Map<String, Q> caps = new HashMap<>();
        for (ClassWeight w : rule.weights()) {
            caps.put(w.constituency(), Q.of(w.numerator(), w.denominator()));
        }
        Set<String> held = new HashSet<>();
        while (true) {
            Q left = Q.ONE;
            long freeSize = 0;
            for (Count c : byClass) {
                if (held.contains(c.constituency())) {
                    left = left.minus(caps.get(c.constituency()));
                } else {
                    freeSize += rule.denominator().of(c);
                }
            }
            boolean changed = false;
            for (Count c : byClass) {
                String k = c.constituency();
                Q s = held.contains(k) ? caps.get(k)
                        : freeSize == 0 ? Q.ZERO : left.times(Q.of(rule.denominator().of(c), freeSize));
                out.put(k, s);
                if (!held.contains(k) && caps.containsKey(k) && s.compareTo(caps.get(k)) > 0) {
                    held.add(k);
                    changed = true;
                }
            }
            if (!changed) {
                return out;
            }
        }
    }

    static String quorumWords(Quorum q) {
        List<String> parts = new ArrayList<>();
        if (q.members() != null && q.members() > 0) {
            parts.add(q.members() + (q.members() == 1 ? " member" : " members"));
        }
        if (q.shareDenominator() != null && q.shareNumerator() > 0) {
            parts.add(Q.of(q.shareNumerator(), q.shareDenominator()).named() + " of the roll");
        }
        return parts.isEmpty() ? "none" : String.join(" or ", parts) + (parts.size() > 1 ? ", whichever is more" : "")
                + ", counting ballots cast by proxy";
    }

    /** An exact non-negative fraction. */
    record Q(BigInteger n, BigInteger d) implements Comparable<Q> {
        static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);
        static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);

        Q {
            if (d.signum() <= 0) {
                throw new ArithmeticException("denominator must be positive");
            }
            BigInteger g = n.gcd(d);
            if (g.signum() > 0 && !g.equals(BigInteger.ONE)) {
                n = n.divide(g);
                d = d.divide(g);
            }
        }

        static Q of(long n, long d) {
            return new Q(BigInteger.valueOf(n), BigInteger.valueOf(d));
        }

        Q plus(Q o) {
            return new Q(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
        }

        Q minus(Q o) {
            return new Q(n.multiply(o.d).subtract(o.n.multiply(d)), d.multiply(o.d));
        }

        Q times(Q o) {
            return new Q(n.multiply(o.n), d.multiply(o.d));
        }

        Q over(Q o) {
            return new Q(n.multiply(o.d), d.multiply(o.n));
        }

        int signum() {
            return n.signum();
        }

        @Override
        public int compareTo(Q o) {
            return n.multiply(o.d).compareTo(o.n.multiply(d));
        }

        /** Percent with one decimal place, rounded as told: 3/4 -> "75.0". */
        String percent(RoundingMode mode) {
            return new java.math.BigDecimal(n.multiply(BigInteger.valueOf(1000)))
                    .divide(new java.math.BigDecimal(d), 0, mode).movePointLeft(1).toPlainString();
        }

        /** "75%" when the percent is whole, else "2/3 (66.7%)". */
        String named() {
            BigInteger[] qr = n.multiply(BigInteger.valueOf(100)).divideAndRemainder(d);
            return qr[1].signum() == 0 ? qr[0] + "%" : n + "/" + d + " (" + percent(RoundingMode.HALF_UP) + "%)";
        }
    }
}
