package org.mutualvote.surplus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mutualvote.web.Phrase;

/**
 * The rule-book limits every ballot and every outcome of a surplus vote must keep (Co-operatives UK
 * model rules: reserves first, investors never more than members, dividends together at most half).
 * Percentages are whole numbers of the surplus; a null maximum is no limit.
 *
 * @param reserveMinimum          reserve pots together get at least this many percent
 * @param memberDividendMaximum   member-dividend pots together get at most this many percent (null: no limit)
 * @param dividendsMaximum        member and investor dividends together get at most this many percent (null: no limit)
 * @param investorsAtMostMembers  investor-dividend pots together never get more than member-dividend pots
 */
public record Limits(int reserveMinimum, Integer memberDividendMaximum, Integer dividendsMaximum, boolean investorsAtMostMembers) {

    public static final String RESERVE_MINIMUM = "reserve-minimum";
    public static final String MEMBER_DIVIDEND_MAXIMUM = "member-dividend-maximum";
    public static final String DIVIDENDS_MAXIMUM = "dividends-maximum";
    public static final String INVESTORS_AT_MOST_MEMBERS = "investors-at-most-members";

    /** One limit a split breaks: its name, and what it asks for as a phrase (its code is "limit-" and the name). */
    public record Breach(String limit, Phrase phrase) {

        public String message() {
            return phrase.text();
        }
    }

    /** Totals of a split by kind of pot. */
    record Groups(Fraction reserve, Fraction member, Fraction investor, Fraction other) {
        static Groups of(List<PotKind> kinds, Fraction[] shares) {
            Fraction[] g = { Fraction.ZERO, Fraction.ZERO, Fraction.ZERO, Fraction.ZERO };
            for (int i = 0; i < shares.length; i++) {
                g[kinds.get(i).ordinal()] = g[kinds.get(i).ordinal()].plus(shares[i]);
            }
            return new Groups(g[0], g[1], g[2], g[3]);
        }

        Fraction asTotal(PotKind kind) {
            return switch (kind) {
                case RESERVE -> reserve;
                case MEMBER_DIVIDEND -> member;
                case INVESTOR_DIVIDEND -> investor;
                case OTHER -> other;
            };
        }
    }

    /** Every limit these shares of the surplus (summing to 1) break, in the order the rule book states them. */
    public List<Breach> check(List<PotKind> kinds, Fraction[] shares) {
        Groups g = Groups.of(kinds, shares);
        List<Breach> out = new ArrayList<>();
        if (g.reserve().compareTo(percent(reserveMinimum)) < 0) {
            out.add(new Breach(RESERVE_MINIMUM, Phrase.of("limit-reserve-minimum", "reserves must get at least " + reserveMinimum
                    + "%; this gives them " + g.reserve().percent(2) + "%", "minimum", reserveMinimum, "given", g.reserve().percent(2))));
        }
        if (memberDividendMaximum != null && g.member().compareTo(percent(memberDividendMaximum)) > 0) {
            out.add(new Breach(MEMBER_DIVIDEND_MAXIMUM, Phrase.of("limit-member-dividend-maximum", "member dividends may get at most "
                    + memberDividendMaximum + "%; this gives them " + g.member().percent(2) + "%", "maximum", memberDividendMaximum,
                    "given", g.member().percent(2))));
        }
        if (dividendsMaximum != null && g.member().plus(g.investor()).compareTo(percent(dividendsMaximum)) > 0) {
            String given = g.member().plus(g.investor()).percent(2);
            out.add(new Breach(DIVIDENDS_MAXIMUM, Phrase.of("limit-dividends-maximum", "member and investor dividends together may get at most "
                    + dividendsMaximum + "%; this gives them " + given + "%", "maximum", dividendsMaximum, "given", given)));
        }
        if (investorsAtMostMembers && g.investor().compareTo(g.member()) > 0) {
            out.add(new Breach(INVESTORS_AT_MOST_MEMBERS, Phrase.of("limit-investors-at-most-members",
                    "investor dividends may never be more than member dividends; this gives investors " + g.investor().percent(2)
                            + "% and members " + g.member().percent(2) + "%",
                    "investors", g.investor().percent(2), "members", g.member().percent(2))));
        }
        return out;
    }

    /**
     * Whether some split of these pots keeps every limit: money for reserves needs a reserve pot, money
     * taken off capped dividends needs somewhere else to go, and investors need members beside them.
     * Returns what is missing, empty when the limits can be kept.
     */
    public List<Breach> satisfiable(List<PotKind> kinds) {
        List<Breach> out = new ArrayList<>();
        boolean reservePot = kinds.contains(PotKind.RESERVE);
        boolean nonDividendPot = reservePot || kinds.contains(PotKind.OTHER);
        if (reserveMinimum > 0 && !reservePot) {
            out.add(new Breach(RESERVE_MINIMUM, Phrase.of("limit-reserve-minimum-no-reserve-pot",
                    "reserves must get at least " + reserveMinimum + "% but no pot is a reserve", "minimum", reserveMinimum)));
        }
        boolean capped = (memberDividendMaximum != null && memberDividendMaximum < 100) || (dividendsMaximum != null && dividendsMaximum < 100);
        if (capped && !nonDividendPot) {
            out.add(new Breach(DIVIDENDS_MAXIMUM, Phrase.of("limit-dividends-capped-every-pot-a-dividend",
                    "dividends are capped but every pot is a dividend: add a reserve or other pot")));
        }
        if (investorsAtMostMembers && kinds.contains(PotKind.INVESTOR_DIVIDEND) && !kinds.contains(PotKind.MEMBER_DIVIDEND)) {
            out.add(new Breach(INVESTORS_AT_MOST_MEMBERS, Phrase.of("limit-investors-without-member-pot",
                    "investor dividends may not exceed member dividends, but there is no member dividend pot")));
        }
        return out;
    }

    /**
     * The stated repair of a combined outcome that breaks a limit (the mean never does: it is an average
     * of splits that all keep the limits, and the limits are linear; a median-based rule can). In this
     * order, each step keeping what the ones before achieved:
     * <ol>
     * <li>investors above members: half the difference moves from investor to member pots, so both get
     * the same and dividends together are unchanged;</li>
     * <li>member dividends above their maximum, then dividends together above theirs: the dividend pots
     * are scaled down to the maximum, and the money taken off goes to the reserve pots (to the other
     * pots when there is no reserve pot);</li>
     * <li>reserves below their minimum: the shortfall is taken from every other pot in proportion to
     * what it has, which lowers dividends and so keeps steps 1 and 2.</li>
     * </ol>
     * Within a group of pots, money is taken in proportion to each pot's share and added in proportion
     * too (equally when the group has nothing yet). The shares still sum to exactly 1.
     */
    public Repaired repair(List<PotKind> kinds, Fraction[] shares) {
        Fraction[] s = shares.clone();
        List<String> steps = new ArrayList<>();
        Groups g = Groups.of(kinds, s);
        if (investorsAtMostMembers && g.investor().compareTo(g.member()) > 0) {
            Fraction half = g.investor().minus(g.member()).dividedBy(Fraction.of(2));
            scaleGroup(kinds, s, PotKind.INVESTOR_DIVIDEND, g.investor(), g.investor().minus(half));
            addToGroup(kinds, s, PotKind.MEMBER_DIVIDEND, g.member(), half);
            steps.add(INVESTORS_AT_MOST_MEMBERS + ": moved " + half.percent(4) + "% from investor to member dividends");
        }
        g = Groups.of(kinds, s);
        if (memberDividendMaximum != null && g.member().compareTo(percent(memberDividendMaximum)) > 0) {
            Fraction excess = g.member().minus(percent(memberDividendMaximum));
            scaleGroup(kinds, s, PotKind.MEMBER_DIVIDEND, g.member(), percent(memberDividendMaximum));
            steps.add(MEMBER_DIVIDEND_MAXIMUM + ": took " + excess.percent(4) + "% off member dividends to " + giveToSafePots(kinds, s, excess));
            g = Groups.of(kinds, s);
            if (investorsAtMostMembers && g.investor().compareTo(g.member()) > 0) {
                Fraction over = g.investor().minus(g.member());
                scaleGroup(kinds, s, PotKind.INVESTOR_DIVIDEND, g.investor(), g.member());
                steps.add(INVESTORS_AT_MOST_MEMBERS + ": took " + over.percent(4) + "% off investor dividends to "
                        + giveToSafePots(kinds, s, over));
            }
        }
        g = Groups.of(kinds, s);
        Fraction dividends = g.member().plus(g.investor());
        if (dividendsMaximum != null && dividends.compareTo(percent(dividendsMaximum)) > 0) {
            Fraction factor = percent(dividendsMaximum).dividedBy(dividends);
            Fraction excess = dividends.minus(percent(dividendsMaximum));
            scaleGroup(kinds, s, PotKind.MEMBER_DIVIDEND, g.member(), g.member().times(factor));
            scaleGroup(kinds, s, PotKind.INVESTOR_DIVIDEND, g.investor(), g.investor().times(factor));
            steps.add(DIVIDENDS_MAXIMUM + ": scaled dividends down by " + excess.percent(4) + "% to " + giveToSafePots(kinds, s, excess));
        }
        g = Groups.of(kinds, s);
        if (g.reserve().compareTo(percent(reserveMinimum)) < 0) {
            Fraction shortfall = percent(reserveMinimum).minus(g.reserve());
            Fraction rest = Fraction.ONE.minus(g.reserve());
            Fraction keep = rest.minus(shortfall).dividedBy(rest);
            for (int i = 0; i < s.length; i++) {
                if (kinds.get(i) != PotKind.RESERVE) {
                    s[i] = s[i].times(keep);
                }
            }
            addToGroup(kinds, s, PotKind.RESERVE, g.reserve(), shortfall);
            steps.add(RESERVE_MINIMUM + ": moved " + shortfall.percent(4) + "% from the other pots to reserves");
        }
        return new Repaired(s, steps);
    }

    /** Each step's English as {@link #repair} writes it, and its code (to which "-to-reserves" or "-to-others" is added). */
    private static final Map<Pattern, String> STEPS = Map.of(
            Pattern.compile(INVESTORS_AT_MOST_MEMBERS + ": moved ([0-9.]+)% from investor to member dividends"), "repair-investors-moved",
            Pattern.compile(RESERVE_MINIMUM + ": moved ([0-9.]+)% from the other pots to reserves"), "repair-reserve-topped-up",
            Pattern.compile(MEMBER_DIVIDEND_MAXIMUM + ": took ([0-9.]+)% off member dividends to (reserves|the other pots)"),
            "repair-member-dividends",
            Pattern.compile(INVESTORS_AT_MOST_MEMBERS + ": took ([0-9.]+)% off investor dividends to (reserves|the other pots)"),
            "repair-investor-dividends",
            Pattern.compile(DIVIDENDS_MAXIMUM + ": scaled dividends down by ([0-9.]+)% to (reserves|the other pots)"),
            "repair-dividends-scaled");

    /**
     * A repair step as a phrase a client can say in its reader's words. The steps are stored in the published
     * report in English, which recounts compare byte for byte, so they are read back rather than written again.
     */
    static Phrase phrase(String step) {
        for (Map.Entry<Pattern, String> e : STEPS.entrySet()) {
            Matcher m = e.getKey().matcher(step);
            if (m.matches()) {
                String to = m.groupCount() < 2 ? "" : "reserves".equals(m.group(2)) ? "-to-reserves" : "-to-others";
                return Phrase.of(e.getValue() + to, step, "percent", m.group(1));
            }
        }
        return Phrase.of("repair-step", step);
    }

    /** The shares after the repair and, in words, each step taken (empty: the outcome kept every limit). */
    public record Repaired(Fraction[] shares, List<String> steps) {
    }

    private static String giveToSafePots(List<PotKind> kinds, Fraction[] s, Fraction amount) {
        PotKind to = kinds.contains(PotKind.RESERVE) ? PotKind.RESERVE : PotKind.OTHER;
        addToGroup(kinds, s, to, Groups.of(kinds, s).asTotal(to), amount);
        return to == PotKind.RESERVE ? "reserves" : "the other pots";
    }

    private static void scaleGroup(List<PotKind> kinds, Fraction[] s, PotKind kind, Fraction from, Fraction to) {
        if (from.signum() == 0) {
            return;
        }
        Fraction factor = to.dividedBy(from);
        for (int i = 0; i < s.length; i++) {
            if (kinds.get(i) == kind) {
                s[i] = s[i].times(factor);
            }
        }
    }

    private static void addToGroup(List<PotKind> kinds, Fraction[] s, PotKind kind, Fraction total, Fraction amount) {
        long pots = kinds.stream().filter(k -> k == kind).count();
        if (pots == 0) {
            throw new IllegalStateException("no " + kind.key() + " pot to take " + amount);
        }
        for (int i = 0; i < s.length; i++) {
            if (kinds.get(i) == kind) {
                Fraction part = total.signum() == 0 ? amount.dividedBy(Fraction.of(pots)) : amount.times(s[i]).dividedBy(total);
                s[i] = s[i].plus(part);
            }
        }
    }

    static Fraction percent(int p) {
        return Fraction.of(p, 100);
    }
}
